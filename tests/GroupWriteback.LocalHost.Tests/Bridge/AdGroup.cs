using System.DirectoryServices.Protocols;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Tests.Bridge;

/// <summary>A written-back group as the DC has it, found by its anchor.</summary>
public sealed record AdGroup(string Dn, string? DisplayName, string? Description, string? Mail, Guid ObjectGuid, IReadOnlySet<string> Members)
{
    private static readonly string[] Attributes = ["displayName", "description", "mail", "objectGUID", "member"];

    /// <summary>The group anchored to <paramref name="groupId"/> anywhere below <paramref name="baseDn"/>, or null.</summary>
    public static AdGroup? Find(string baseDn, string groupId) =>
        TestDomain.Instance.Search(baseDn, $"(&(objectClass=group)(adminDescription=Group_{groupId}))", Attributes).Select(From).SingleOrDefault();

    /// <summary>Every anchored group below <paramref name="baseDn"/>.</summary>
    public static IReadOnlyList<AdGroup> All(string baseDn) =>
        [.. TestDomain.Instance.Search(baseDn, "(&(objectClass=group)(adminDescription=Group_*))", Attributes).Select(From)];

    private static AdGroup From(SearchResultEntry entry) => new(
        entry.DistinguishedName,
        Text(entry, "displayName"),
        Text(entry, "description"),
        Text(entry, "mail"),
        new Guid((byte[])entry.Attributes["objectGUID"].GetValues(typeof(byte[]))[0]),
        entry.Attributes["member"] is { } member
            ? new HashSet<string>(member.GetValues(typeof(string)).Cast<string>(), StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    private static string? Text(SearchResultEntry entry, string name) =>
        entry.Attributes[name] is { Count: > 0 } values ? (string)values.GetValues(typeof(string))[0] : null;
}
