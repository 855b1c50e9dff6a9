using GroupWriteback.Contracts;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// The mark on every object the agent creates: <c>adminDescription</c> and
/// <c>msDS-ExternalDirectoryObjectId</c> = <c>Group_&lt;objectId&gt;</c>. The agent finds its
/// objects by this value, never by name, and never touches an object without it.
/// </summary>
internal sealed record WritebackAnchor
{
    private WritebackAnchor(Guid objectId) => ObjectId = objectId;

    /// <summary>The attribute that always carries the anchor.</summary>
    public const string AdminDescription = "adminDescription";

    /// <summary>The attribute that also carries it where the schema has it.</summary>
    public const string ExternalDirectoryObjectId = "msDS-ExternalDirectoryObjectId";

    /// <summary>The Entra object id of the group.</summary>
    public Guid ObjectId { get; }

    /// <summary>The anchor value, e.g. Group_1b4e…</summary>
    public string Value => WireFormat.AnchorPrefix + ObjectId.ToString("D");

    /// <summary>
    /// An LDAP filter matching groups carrying this anchor. <c>adminDescription</c> is not indexed, so the filter
    /// narrows by <c>objectCategory</c>, which every DC indexes: Samba evaluates <c>objectClass=group</c> by
    /// reading every object of the domain, <c>objectCategory=group</c> from its index.
    /// </summary>
    public string Filter => GroupFilter(Value);

    /// <summary>The filter of <see cref="Filter"/> for an anchor value read elsewhere (a member's reference).</summary>
    public static string GroupFilter(string anchorValue) =>
        $"(&(objectCategory=group)({AdminDescription}={LdapFilter.Escape(anchorValue)}))";

    /// <summary>
    /// Reads a group id; only a GUID is accepted, so a command cannot smuggle filter or DN syntax
    /// through it.
    /// </summary>
    public static bool TryCreate(string? groupId, out WritebackAnchor anchor)
    {
        if (Guid.TryParse(groupId, out var id) && id != Guid.Empty)
        {
            anchor = new WritebackAnchor(id);
            return true;
        }

        anchor = new WritebackAnchor(Guid.Empty);
        return false;
    }

    /// <summary>True when <paramref name="adminDescription"/> is exactly this anchor.</summary>
    public bool Matches(string? adminDescription) =>
        string.Equals(adminDescription, Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Value;
}
