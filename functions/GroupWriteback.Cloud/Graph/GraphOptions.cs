using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.Cloud.Graph;

/// <summary>How the cloud half reaches Microsoft Graph (section "Graph").</summary>
public sealed class GraphOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Graph";

    /// <summary>Graph service root, including the version segment.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Entra tenant id; required for a client secret.</summary>
    public string? TenantId { get; set; }

    /// <summary>App registration client id (client secret), or the user-assigned identity's client id (managed identity, optional).</summary>
    public string? ClientId { get; set; }

    /// <summary>App registration secret; leave empty to use a managed identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Authenticate as the Function App's managed identity.</summary>
    public bool ManagedIdentity { get; set; }

    /// <summary>
    /// Send a fixed bearer token; only for the Graph emulator, so refused unless <see cref="BaseUrl"/> is loopback.
    /// </summary>
    public bool UseEmulatorCredential { get; set; }

    /// <summary>Page size (<c>$top</c>) for member and group listings.</summary>
    [Range(1, 999)]
    public int PageSize { get; set; } = 999;

    /// <summary>
    /// Read <c>writebackConfiguration</c> on groups. Graph serves it on <c>beta</c> only, so with this on, group
    /// reads (delta, get, list) go to the <c>beta</c> sibling of a <c>/v1.0</c> <see cref="BaseUrl"/>; members,
    /// directory objects and subscriptions stay on <see cref="BaseUrl"/>. Off: every group follows the scope rules.
    /// </summary>
    public bool ReadWritebackConfiguration { get; set; } = true;

    /// <summary>Throttled (429) or unavailable (503/504) requests are retried this often, honouring Retry-After.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Longest total wait across a request's retries before the request is given up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The host's notification endpoint, where Graph posts change and lifecycle notifications. Needed to create the
    /// subscription, and to recreate it when Graph removes it.
    /// </summary>
    public Uri? NotificationUrl { get; set; }

    /// <summary>
    /// The secret Graph echoes in every notification (16 to 128 characters); notifications without it are refused.
    /// Required with <see cref="NotificationUrl"/>.
    /// </summary>
    public string? ClientState { get; set; }

    /// <summary>The subscription is renewed once less than this remains of its lifetime.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan SubscriptionRenewalWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the notification endpoint spends repairing a subscription after a lifecycle event before it answers
    /// anyway: Graph wants an answer within seconds, and the subscription timer ensures the subscription too.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan LifecycleRepairBudget { get; set; } = TimeSpan.FromSeconds(2);
}
