using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>
/// Repairs the subscription while the lifecycle notification is being answered: reauthorizes it, or, when Graph
/// removed it (or it is gone by the time it is reauthorized), creates it again from
/// <see cref="GraphOptions.NotificationUrl"/> and <see cref="GraphOptions.ClientState"/>.
/// </summary>
internal sealed class InlineSubscriptionRepair(IGraphSubscriptionManager subscriptions, IOptions<GraphOptions> options, ILogger<InlineSubscriptionRepair> logger)
    : ISubscriptionRepair
{
    public async Task RepairAsync(string subscriptionId, string lifecycleEvent, CancellationToken ct)
    {
        if (string.Equals(lifecycleEvent, LifecycleEvents.ReauthorizationRequired, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await subscriptions.ReauthorizeAsync(subscriptionId, ct);
                return;
            }
            catch (GraphRequestException ex) when (ex.StatusCode == 404)
            {
                Log.SubscriptionVanished(logger, subscriptionId);
            }
        }

        var settings = options.Value;
        if (settings.NotificationUrl is null || string.IsNullOrEmpty(settings.ClientState))
        {
            Log.SubscriptionNotRecreated(logger, subscriptionId, lifecycleEvent);
            return;
        }

        await subscriptions.EnsureSubscriptionAsync(settings.NotificationUrl, settings.ClientState, ct);
    }
}
