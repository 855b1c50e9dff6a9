namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Which optional attributes a group can carry in this forest. Exchange attributes exist only
/// after Exchange PrepareSchema; msDS-ExternalDirectoryObjectId only on 2012 R2+ schemas.
/// </summary>
internal sealed record SchemaCapabilities(IReadOnlySet<string> GroupAttributes)
{
    /// <summary>Exchange attributes the writer manages when present.</summary>
    public static readonly IReadOnlyList<string> ExchangeAttributes =
    [
        "mailNickname",
        "msExchRecipientDisplayType",
        "msExchRecipientTypeDetails",
        "msExchHideFromAddressLists",
        "msExchRequireAuthToSendTo",
    ];

    /// <summary>A forest without any optional attribute.</summary>
    public static SchemaCapabilities None { get; } = new(new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>True when groups may carry <paramref name="attribute"/>.</summary>
    public bool Has(string attribute) => GroupAttributes.Contains(attribute);

    /// <summary>The operational attribute listing what the bound account may write on an entry.</summary>
    public const string AllowedAttributesEffective = "allowedAttributesEffective";

    /// <summary>
    /// Narrows the forest's view to what the bound account may write on one group, as its
    /// <c>allowedAttributesEffective</c> says: an attribute the schema has but an ACL denies is
    /// skipped like one the schema lacks. No list (a server that does not compute it) keeps the
    /// schema's view.
    /// </summary>
    public SchemaCapabilities WritableOn(GroupEntry group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var writable = group.Get(AllowedAttributesEffective);
        return writable.Count == 0
            ? this
            : new SchemaCapabilities(new HashSet<string>(GroupAttributes.Where(a => writable.Contains(a, StringComparer.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>True for the attributes only some forests (or ACLs) let a group carry.</summary>
    public static bool IsOptional(string attribute) =>
        string.Equals(attribute, WritebackAnchor.ExternalDirectoryObjectId, StringComparison.OrdinalIgnoreCase) ||
        ExchangeAttributes.Contains(attribute, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when groups may carry msDS-ExternalDirectoryObjectId.</summary>
    public bool HasExternalDirectoryObjectId => Has(WritebackAnchor.ExternalDirectoryObjectId);
}
