namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// The <c>$select</c> lists: what the planner needs of a group, the same plus <c>members</c> for delta (so
/// membership changes arrive as <c>members@delta</c>), and a member's on-premises identity.
/// </summary>
internal static class GraphSelections
{
    public const string WritebackConfiguration = "writebackConfiguration";
    public const string Members = "members";

    private static readonly string[] GroupProperties =
    [
        "id", "displayName", "description", "mail", "mailNickname", "proxyAddresses", "groupTypes",
        "securityEnabled", "mailEnabled", "onPremisesSyncEnabled",
    ];

    /// <summary>Users carry the SID and the immutable id (objectGUID); groups synced from AD carry the SID.</summary>
    public static string[] Member { get; } = ["id", "onPremisesSecurityIdentifier", "onPremisesImmutableId"];

    public static string[] Group(GraphOptions options) =>
        options.ReadWritebackConfiguration ? [.. GroupProperties, WritebackConfiguration] : [.. GroupProperties];

    public static string[] Delta(GraphOptions options) => [.. Group(options), Members];
}
