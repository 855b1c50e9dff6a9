using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Globalization;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// The baseline: the same groups written straight to the DC, one LDAP add per group with its members inline on one
/// connection — the fastest this DC takes them, with none of the bridge's planning, queueing or checking.
/// </summary>
internal static class RawWriteBaseline
{
    private const string UniversalSecurity = "-2147483640";

    public static TimeSpan Run(TestDomain domain, string ouDn, int groups, IReadOnlyList<TestUser> members)
    {
        var memberDns = members.Select(m => m.Dn).ToArray();
        using var connection = domain.OpenAdminConnection();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < groups; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"raw-{i:D5}");
            connection.SendRequest(new AddRequest(
                $"CN={name},{ouDn}",
                new DirectoryAttribute("objectClass", "group"),
                new DirectoryAttribute("sAMAccountName", name + "-" + ouDn.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture)),
                new DirectoryAttribute("groupType", UniversalSecurity),
                new DirectoryAttribute("member", memberDns)));
        }

        return watch.Elapsed;
    }
}
