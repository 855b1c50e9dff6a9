using System.DirectoryServices.Protocols;
using System.Globalization;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>A group as the DC has it, for the demo's checks and table and the end-to-end tests' assertions.</summary>
internal sealed record DirectoryGroup(
    string Dn, string Name, string? DisplayName, string? Description, string? Mail, string Type, Guid ObjectGuid, IReadOnlySet<string> Members, string Anchor)
{
    private static readonly string[] Attributes = ["cn", "displayName", "description", "mail", "groupType", "objectGUID", "member", "adminDescription"];

    /// <summary>The group carrying the anchor of <paramref name="groupId"/> anywhere below <paramref name="baseDn"/>, or null.</summary>
    public static DirectoryGroup? Find(TestDomain domain, string baseDn, string groupId) =>
        Search(domain, baseDn, $"(&(objectCategory=group)(adminDescription=Group_{groupId}))").SingleOrDefault();

    /// <summary>Every group below <paramref name="baseDn"/>, by name.</summary>
    public static IReadOnlyList<DirectoryGroup> All(TestDomain domain, string baseDn) =>
        [.. Search(domain, baseDn, "(objectCategory=group)").OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Every group below <paramref name="baseDn"/> that carries a writeback anchor.</summary>
    public static IReadOnlyList<DirectoryGroup> Anchored(TestDomain domain, string baseDn) =>
        [.. Search(domain, baseDn, "(&(objectCategory=group)(adminDescription=Group_*))")];

    private static IEnumerable<DirectoryGroup> Search(TestDomain domain, string baseDn, string filter)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return domain.Search(baseDn, filter, Attributes).Select(From);
    }

    private static DirectoryGroup From(SearchResultEntry entry)
    {
        var groupType = int.Parse(Text(entry, "groupType") ?? "0", CultureInfo.InvariantCulture);
        var security = (groupType & unchecked((int)0x80000000)) != 0;
        var mail = Text(entry, "mail");
        var type = (security, mail is not null) switch
        {
            (true, true) => "mail-enabled security",
            (true, false) => "security",
            _ => "distribution",
        };
        var members = new HashSet<string>(
            entry.Attributes["member"]?.GetValues(typeof(string)).Cast<string>() ?? [], StringComparer.OrdinalIgnoreCase);
        var displayName = Text(entry, "displayName");
        return new DirectoryGroup(
            entry.DistinguishedName,
            displayName ?? Text(entry, "cn") ?? entry.DistinguishedName,
            displayName,
            Text(entry, "description"),
            mail,
            type,
            new Guid((byte[])entry.Attributes["objectGUID"].GetValues(typeof(byte[]))[0]),
            members,
            Text(entry, "adminDescription") ?? string.Empty);
    }

    private static string? Text(SearchResultEntry entry, string name) =>
        entry.Attributes[name] is { Count: > 0 } values ? (string)values.GetValues(typeof(string))[0] : null;
}
