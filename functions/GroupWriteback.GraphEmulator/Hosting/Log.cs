using GroupWriteback.GraphEmulator.Subscriptions;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Log messages of the Graph emulator (event ids 6000–6999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Graph emulator serving tenant {TenantId} ({Users} users, {Groups} groups)")]
    public static partial void TenantLoaded(ILogger logger, string tenantId, int users, int groups);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information,
        Message = "Subscription {SubscriptionId} created on {Resource} for {NotificationUrl}, expires {ExpiresAt:o}")]
    public static partial void SubscriptionCreated(ILogger logger, string subscriptionId, string resource, Uri notificationUrl, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Validation of {NotificationUrl} failed: {Reason}")]
    public static partial void ValidationFailed(ILogger logger, Uri notificationUrl, string reason);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning,
        Message = "Delivery of {Count} {Kind} notifications for subscription {SubscriptionId} to {Url} failed (attempt {Attempt}, HTTP {StatusCode}): {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, int count, DeliveryKind kind, string? subscriptionId, Uri url, int attempt, int? statusCode, string reason);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning,
        Message = "Gave up delivering {Count} {Kind} notifications for subscription {SubscriptionId} after {Attempts} attempts")]
    public static partial void DeliveryAbandoned(ILogger logger, int count, DeliveryKind kind, string? subscriptionId, int attempts);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Information, Message = "Lifecycle event {LifecycleEvent} sent for subscription {SubscriptionId}")]
    public static partial void LifecycleSent(ILogger logger, string lifecycleEvent, string subscriptionId);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Error, Message = "Sending {Count} change notifications failed")]
    public static partial void NotificationBatchFailed(ILogger logger, int count, Exception exception);
}
