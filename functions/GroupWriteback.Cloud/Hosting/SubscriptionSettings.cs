namespace GroupWriteback.Cloud.Hosting;

/// <summary>
/// Where Graph sends change notifications and the secret it echoes (keys <c>Graph:NotificationUrl</c>
/// and <c>Graph:ClientState</c>). Without a URL no subscription is kept, and the delta poll alone
/// finds changes (local runs).
/// </summary>
public sealed class SubscriptionSettings
{
    /// <summary>The section the settings are read from.</summary>
    public const string SectionName = "Graph";

    /// <summary>The public URL of <c>POST /api/graph/notifications</c>.</summary>
    public Uri? NotificationUrl { get; set; }

    /// <summary>The secret Graph returns in every notification (at most 128 characters).</summary>
    public string? ClientState { get; set; }
}
