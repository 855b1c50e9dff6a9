using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>Log messages of the cloud's scheduled work (event ids 4100–4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "No Graph:NotificationUrl configured: no change-notification subscription is kept; the delta poll finds changes")]
    public static partial void SubscriptionNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Graph subscription {SubscriptionId} is valid until {ExpiresAt:u}")]
    public static partial void SubscriptionEnsured(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);
}
