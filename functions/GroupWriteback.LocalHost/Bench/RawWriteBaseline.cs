using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Globalization;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// The baseline: the same groups written straight to the DC, one LDAP add per group with its members inline on one
/// connection — the fastest this DC takes them, with none of the bridge's planning, queueing or checking.
/// </summary>
internal static class RawWriteBaseline
{
    private const string UniversalSecurity = "-2147483640";

    /// <summary>
    /// Writes <paramref name="groups"/> groups of <paramref name="members"/> from <paramref name="pool"/> (the sets of
    /// <see cref="BenchMembership"/>); records a throughput sample per group under <paramref name="series"/>.
    /// </summary>
    public static TimeSpan Run(TestDomain domain, string ouDn, int groups, int members, IReadOnlyList<TestUser> pool, string series, List<ThroughputSample> samples)
    {
        var memberDns = Enumerable.Range(0, groups).Select(i => BenchMembership.Of(i, members, pool.Count).Select(u => pool[u].Dn).ToArray()).ToList();
        var suffix = ouDn.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture);
        using var connection = domain.OpenAdminConnection();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < groups; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"raw-{i:D5}");
            connection.SendRequest(new AddRequest(
                $"CN={name},{ouDn}",
                new DirectoryAttribute("objectClass", "group"),
                new DirectoryAttribute("sAMAccountName", name + "-" + suffix),
                new DirectoryAttribute("groupType", UniversalSecurity),
                new DirectoryAttribute("member", memberDns[i])));
            samples.Add(new ThroughputSample(series, watch.Elapsed.TotalSeconds, (long)(i + 1) * members));
        }

        return watch.Elapsed;
    }
}
