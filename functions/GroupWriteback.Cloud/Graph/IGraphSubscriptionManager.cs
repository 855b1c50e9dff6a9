namespace GroupWriteback.Cloud.Graph;

/// <summary>Keeps the Graph change-notification subscription on <c>/groups</c> alive.</summary>
public interface IGraphSubscriptionManager
{
    /// <summary>Creates the subscription, or renews it when it expires within the renewal window.</summary>
    Task<SubscriptionInfo> EnsureSubscriptionAsync(Uri notificationUrl, string clientState, CancellationToken ct);

    /// <summary>Answers a <c>reauthorizationRequired</c> lifecycle event.</summary>
    Task<SubscriptionInfo> ReauthorizeAsync(string subscriptionId, CancellationToken ct);
}
