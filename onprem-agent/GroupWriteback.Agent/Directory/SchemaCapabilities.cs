namespace GroupWriteback.Agent.Directory;

/// <summary>
/// Which optional attributes a group can carry in this forest. Exchange attributes exist only
/// after Exchange PrepareSchema; msDS-ExternalDirectoryObjectId only on 2012 R2+ schemas.
/// </summary>
public sealed record SchemaCapabilities(IReadOnlySet<string> GroupAttributes)
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

    /// <summary>True when groups may carry msDS-ExternalDirectoryObjectId.</summary>
    public bool HasExternalDirectoryObjectId => Has(WritebackAnchor.ExternalDirectoryObjectId);
}
