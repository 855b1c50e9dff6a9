using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Globalization;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// The large group's baseline: one group written straight to the DC by DN on one connection, its members in
/// chunks of <see cref="Chunk"/> (the add carries the first), then the same swap (members out, others in) as
/// modifies of the same chunk size. No reads, no checks: the fastest this DC takes the links.
/// </summary>
internal static class RawLargeGroup
{
    public const int Chunk = 5000;
    private const string UniversalSecurity = "-2147483640";

    /// <summary>Writes the group with <paramref name="members"/>; returns the time it took.</summary>
    public static TimeSpan Write(LdapConnection connection, string dn, string samAccountName, IReadOnlyList<TestUser> members)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(members);
        var chunks = members.Select(m => (object)m.Dn).Chunk(Chunk).ToList();
        var watch = Stopwatch.StartNew();
        connection.SendRequest(new AddRequest(
            dn,
            new DirectoryAttribute("objectClass", "group"),
            new DirectoryAttribute("sAMAccountName", samAccountName),
            new DirectoryAttribute("groupType", UniversalSecurity),
            new DirectoryAttribute("member", chunks.Count > 0 ? chunks[0] : [])));
        foreach (var chunk in chunks.Skip(1))
        {
            connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Add, "member", chunk));
        }

        return watch.Elapsed;
    }

    /// <summary>Removes <paramref name="leaving"/> and adds <paramref name="joining"/>; returns the time it took.</summary>
    public static TimeSpan Swap(LdapConnection connection, string dn, IReadOnlyList<TestUser> leaving, IReadOnlyList<TestUser> joining)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(leaving);
        ArgumentNullException.ThrowIfNull(joining);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in leaving.Select(m => (object)m.Dn).Chunk(Chunk))
        {
            connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Delete, "member", chunk));
        }

        foreach (var chunk in joining.Select(m => (object)m.Dn).Chunk(Chunk))
        {
            connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Add, "member", chunk));
        }

        return watch.Elapsed;
    }

    /// <summary>The group's member DNs, read with explicit ranges (Samba never ranges on its own, but honours them).</summary>
    public static HashSet<string> ReadMembers(LdapConnection connection, string dn)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"member;range={members.Count}-{members.Count + 9999}");
            var response = (SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, range));
            var attribute = response.Entries.Count == 0 ? null
                : response.Entries[0].Attributes.Values.Cast<DirectoryAttribute>().FirstOrDefault(a => a.Name.StartsWith("member;range=", StringComparison.OrdinalIgnoreCase));
            if (attribute is null)
            {
                return members;
            }

            members.UnionWith(attribute.GetValues(typeof(string)).Cast<string>());
            if (attribute.Name.EndsWith("-*", StringComparison.Ordinal) || attribute.Count == 0)
            {
                return members;
            }
        }
    }
}
