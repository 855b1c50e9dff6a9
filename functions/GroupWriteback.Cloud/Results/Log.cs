using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Results;

/// <summary>Log messages of the results path (event ids 2100–2199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Result message {MessageId} dead-lettered ({Reason}): {Description}")]
    public static partial void DeadLettered(ILogger logger, string messageId, string reason, string description);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Result {CommandId} for group {GroupId} replies to {ReplyTo}, which no longer exists; completed without delivering it.")]
    public static partial void Orphaned(ILogger logger, string commandId, string groupId, string replyTo);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Could not deliver result {CommandId} for group {GroupId} to {ReplyTo} (delivery {DeliveryCount}); abandoned for redelivery.")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string commandId, string groupId, string replyTo, int deliveryCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Result {CommandId} for group {GroupId} was delivered to {ReplyTo} but its lock was lost before completion; the redelivered copy will be ignored.")]
    public static partial void LockLostAfterDelivery(ILogger logger, string commandId, string groupId, string replyTo);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "Result {CommandId} ({Kind}, {Outcome}) for group {GroupId} delivered to {ReplyTo}.")]
    public static partial void Delivered(ILogger logger, string commandId, string kind, GroupWriteback.Contracts.Results.ResultOutcome outcome, string groupId, string replyTo);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Result message {MessageId}: its lock was lost before it could be settled; it will be delivered again.")]
    public static partial void LockLost(ILogger logger, string messageId);
}
