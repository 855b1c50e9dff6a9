using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>
/// Sends lifecycle notifications on demand. <c>reauthorizationRequired</c> marks the subscription until the
/// client reauthorizes or renews it; <c>subscriptionRemoved</c> removes it, as Graph does before telling.
/// </summary>
internal sealed class LifecycleNotifier(EmulatedTenant tenant, SubscriptionStore subscriptions, NotificationSender sender, ILogger<LifecycleNotifier> logger)
{
    /// <summary>Sends the event; returns the subscriber's last HTTP status (null: no answer).</summary>
    /// <exception cref="KeyNotFoundException">No such subscription.</exception>
    /// <exception cref="InvalidOperationException">Unknown event, or the subscription has no lifecycleNotificationUrl.</exception>
    public async Task<int?> SendAsync(string subscriptionId, string lifecycleEvent, CancellationToken ct)
    {
        var subscription = subscriptions.Find(subscriptionId)
            ?? throw new KeyNotFoundException($"Subscription '{subscriptionId}' does not exist.");
        var name = LifecycleEvents.All.FirstOrDefault(e => string.Equals(e, lifecycleEvent, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Unknown lifecycle event '{lifecycleEvent}'; use one of {string.Join(", ", LifecycleEvents.All)}.");
        var url = subscription.LifecycleNotificationUrl
            ?? throw new InvalidOperationException($"Subscription '{subscriptionId}' has no lifecycleNotificationUrl, so Graph sends it no lifecycle events.");

        if (name == LifecycleEvents.ReauthorizationRequired)
        {
            subscription = subscriptions.Update(subscription.Id, s => s with { ReauthorizationRequired = true }) ?? subscription;
        }
        else if (name == LifecycleEvents.SubscriptionRemoved)
        {
            subscriptions.Remove(subscription.Id);
        }

        var payload = new JsonArray(NotificationPayloads.Lifecycle(subscription, tenant.TenantId, name));
        var status = await sender.SendAsync(subscription.Id, DeliveryKind.Lifecycle, url, payload, ct);
        Log.LifecycleSent(logger, name, subscription.Id);
        return status;
    }
}
