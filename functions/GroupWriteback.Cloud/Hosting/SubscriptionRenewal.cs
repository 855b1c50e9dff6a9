using GroupWriteback.Cloud.Graph;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>Creates the <c>/groups</c> subscription, or renews it when it is close to expiry.</summary>
public sealed class SubscriptionRenewal(IGraphSubscriptionManager subscriptions, IOptions<GraphOptions> settings, ILogger<SubscriptionRenewal> logger)
{
    /// <summary>The subscription as it stands, or null when no notification URL is configured.</summary>
    public async Task<SubscriptionInfo?> RenewAsync(CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (options.NotificationUrl is null)
        {
            Log.SubscriptionNotConfigured(logger);
            return null;
        }

        var subscription = await subscriptions.EnsureSubscriptionAsync(options.NotificationUrl, options.ClientState!, cancellationToken);
        Log.SubscriptionEnsured(logger, subscription.Id, subscription.ExpiresAt);
        return subscription;
    }
}
