namespace GroupWriteback.Cloud.Graph;

/// <summary>A Graph change-notification subscription as it stands after create, renew or reauthorize.</summary>
public sealed record SubscriptionInfo
{
    /// <summary>Subscription id.</summary>
    public required string Id { get; init; }

    /// <summary>Watched resource (<c>groups</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>When Graph stops sending notifications unless renewed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Where Graph posts notifications.</summary>
    public required Uri NotificationUrl { get; init; }
}
