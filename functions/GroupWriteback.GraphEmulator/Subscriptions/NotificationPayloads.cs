using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>
/// The items of a <c>changeNotificationCollection</c> as Graph sends them for groups (without resource data):
/// a change names the group in <c>resource</c> and <c>resourceData</c>; a lifecycle notification carries
/// <c>lifecycleEvent</c> and no resource.
/// </summary>
internal static class NotificationPayloads
{
    /// <summary>The change type a tenant change is notified as; null for changes a group subscription does not see.</summary>
    public static string? ChangeTypeOf(TenantChange change) => change.Kind switch
    {
        TenantChangeKind.GroupCreated => "created",
        TenantChangeKind.GroupDeleted => "deleted",
        TenantChangeKind.GroupUpdated or TenantChangeKind.MemberAdded or TenantChangeKind.MemberRemoved => "updated",
        _ => null,
    };

    public static JsonObject Change(EmulatedSubscription subscription, string tenantId, string changeType, TenantChange change) =>
        new()
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Timestamp(subscription.ExpirationDateTime),
            ["changeType"] = changeType,
            ["resource"] = $"Groups/{change.ObjectId}",
            ["resourceData"] = new JsonObject
            {
                ["@odata.type"] = "#Microsoft.Graph.Group",
                ["@odata.id"] = $"Groups/{change.ObjectId}",
                ["id"] = change.ObjectId,
                ["organizationId"] = tenantId,
                ["sequenceNumber"] = change.Sequence,
            },
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = tenantId,
        };

    public static JsonObject Lifecycle(EmulatedSubscription subscription, string tenantId, string lifecycleEvent) =>
        new()
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Timestamp(subscription.ExpirationDateTime),
            ["tenantId"] = tenantId,
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        };

    /// <summary>A subscription as the subscriptions endpoints return it.</summary>
    public static JsonObject Subscription(EmulatedSubscription subscription) =>
        new()
        {
            ["id"] = subscription.Id,
            ["resource"] = subscription.Resource,
            ["applicationId"] = EmulatorIdentity.ApplicationId,
            ["changeType"] = subscription.ChangeType,
            ["clientState"] = subscription.ClientState,
            ["notificationUrl"] = subscription.NotificationUrl.ToString(),
            ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl?.ToString(),
            ["expirationDateTime"] = Timestamp(subscription.ExpirationDateTime),
            ["creatorId"] = EmulatorIdentity.ApplicationId,
            ["includeResourceData"] = false,
            ["latestSupportedTlsVersion"] = subscription.LatestSupportedTlsVersion ?? "v1_2",
            ["encryptionCertificate"] = null,
            ["encryptionCertificateId"] = null,
            ["notificationQueryOptions"] = null,
            ["notificationUrlAppId"] = null,
        };

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

