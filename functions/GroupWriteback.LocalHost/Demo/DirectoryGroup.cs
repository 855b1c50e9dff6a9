using System.DirectoryServices.Protocols;
using System.Globalization;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>A written-back group as read from AD.</summary>
internal sealed record DirectoryGroup(string Dn, string Name, string Type, int Members, string Anchor)
{
    private static readonly string[] Attributes = ["cn", "displayName", "groupType", "member", "mail", "adminDescription"];

    /// <summary>The group carrying the anchor of <paramref name="groupId"/>, or null.</summary>
    public static DirectoryGroup? Find(TestDomain domain, string ou, string groupId) =>
        domain.Search(ou, $"(&(objectClass=group)(adminDescription=Group_{groupId}))", Attributes).Select(From).FirstOrDefault();

    /// <summary>Every group in <paramref name="ou"/>, by name.</summary>
    public static IReadOnlyList<DirectoryGroup> All(TestDomain domain, string ou) =>
        [.. domain.Search(ou, "(objectClass=group)", Attributes).Select(From).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)];

    private static DirectoryGroup From(SearchResultEntry entry)
    {
        var groupType = int.Parse(Single(entry, "groupType") ?? "0", CultureInfo.InvariantCulture);
        var security = (groupType & unchecked((int)0x80000000)) != 0;
        var type = (security, Single(entry, "mail") is not null) switch
        {
            (true, true) => "mail-enabled security",
            (true, false) => "security",
            _ => "distribution",
        };
        var members = entry.Attributes["member"]?.Count ?? 0;
        return new DirectoryGroup(entry.DistinguishedName, Single(entry, "displayName") ?? Single(entry, "cn") ?? entry.DistinguishedName, type, members, Single(entry, "adminDescription") ?? string.Empty);
    }

    private static string? Single(SearchResultEntry entry, string name) =>
        entry.Attributes[name] is { Count: > 0 } values ? (string)values.GetValues(typeof(string))[0] : null;
}
