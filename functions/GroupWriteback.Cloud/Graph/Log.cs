using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Graph;

/// <summary>Log messages of the Graph access layer (event ids 3100–3199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Graph answered {Method} {Request} with HTTP {StatusCode} (Retry-After {RetryAfter}); retry {Attempt}")]
    public static partial void GraphRetrying(ILogger logger, string method, string request, int statusCode, string retryAfter, int attempt);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Graph request {Request} given up (HTTP {StatusCode}): {Reason}")]
    public static partial void GraphGivenUp(ILogger logger, string request, int statusCode, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Graph request failed on the network; retry {Attempt}: {Reason}")]
    public static partial void GraphNetworkRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "Graph delta token expired at {Request}; a full resync is needed")]
    public static partial void DeltaTokenExpired(ILogger logger, string request);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information,
        Message = "Delta page read: {ChangeCount} changed groups, more pages: {HasNext}, round complete: {HasDeltaLink}")]
    public static partial void DeltaPageRead(ILogger logger, int changeCount, bool hasNext, bool hasDeltaLink);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information,
        Message = "Graph subscription {SubscriptionId} created on {Resource}, expires {ExpiresAt:o}")]
    public static partial void SubscriptionCreated(ILogger logger, string subscriptionId, string resource, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information,
        Message = "Graph subscription {SubscriptionId} renewed until {ExpiresAt:o}")]
    public static partial void SubscriptionRenewed(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning,
        Message = "Graph subscription {SubscriptionId} no longer exists (HTTP 404 on renew); creating a new one")]
    public static partial void SubscriptionVanished(ILogger logger, string subscriptionId);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Information,
        Message = "Graph subscription {SubscriptionId} reauthorized, expires {ExpiresAt:o}")]
    public static partial void SubscriptionReauthorized(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Debug,
        Message = "Graph subscription {SubscriptionId} still valid until {ExpiresAt:o}; not renewed")]
    public static partial void SubscriptionCurrent(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3115, Level = LogLevel.Warning,
        Message = "Graph subscription {SubscriptionId} needs recreating after {LifecycleEvent}, but Graph:NotificationUrl or Graph:ClientState is not set")]
    public static partial void SubscriptionNotRecreated(ILogger logger, string subscriptionId, string lifecycleEvent);

    [LoggerMessage(EventId = 3130, Level = LogLevel.Information, Message = "Graph notification endpoint validation answered")]
    public static partial void NotificationValidated(ILogger logger);

    [LoggerMessage(EventId = 3131, Level = LogLevel.Warning, Message = "Graph notification refused as malformed: {Problem}")]
    public static partial void NotificationMalformed(ILogger logger, string problem);

    [LoggerMessage(EventId = 3132, Level = LogLevel.Warning, Message = "{Count} Graph notifications refused: {Reason}")]
    public static partial void NotificationsRefused(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 3133, Level = LogLevel.Information,
        Message = "Graph notifications accepted: {ChangeCount} changes, {LifecycleCount} lifecycle events")]
    public static partial void NotificationsAccepted(ILogger logger, int changeCount, int lifecycleCount);

    [LoggerMessage(EventId = 3134, Level = LogLevel.Information, Message = "Graph lifecycle event {LifecycleEvent} for subscription {SubscriptionId}")]
    public static partial void LifecycleEventReceived(ILogger logger, string lifecycleEvent, string subscriptionId);

    [LoggerMessage(EventId = 3135, Level = LogLevel.Error,
        Message = "Graph notifications could not be processed; answered 503 so that Graph delivers them again")]
    public static partial void NotificationProcessingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3136, Level = LogLevel.Warning,
        Message = "Repair of subscription {SubscriptionId} after {LifecycleEvent} did not finish within {Budget} of the notification request; the subscription timer repairs it")]
    public static partial void LifecycleRepairDeferred(ILogger logger, string subscriptionId, string lifecycleEvent, TimeSpan budget);

    [LoggerMessage(EventId = 3137, Level = LogLevel.Information,
        Message = "groups/delta page: {Skipped} member change(s) of devices, contacts or service principals in {Groups} group(s) skipped from their @odata.type (reason memberTypeNotWrittenBack): no lookup, no snapshot, no write")]
    public static partial void MemberChangesSkippedByType(ILogger logger, int skipped, int groups);
}
