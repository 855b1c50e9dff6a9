using Microsoft.Extensions.Logging;

namespace GroupWriteback.Transport;

/// <summary>Log messages of the queue transports (event ids 3000–3099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Embedded queue opened at {Path}")]
    public static partial void Opened(ILogger logger, string path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Dropped duplicate message {MessageId} (session {SessionId}) on queue {Queue}: sent before within the duplicate detection window")]
    public static partial void DuplicateDropped(ILogger logger, string queue, string messageId, string? sessionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Session {SessionId} of queue {Queue} taken over: its previous consumer's lock expired")]
    public static partial void SessionTakenOver(ILogger logger, string queue, string sessionId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Message {MessageId} of queue {Queue} dead-lettered: delivered {DeliveryCount} times without being completed")]
    public static partial void MaxDeliveryCountExceeded(ILogger logger, string queue, string messageId, int deliveryCount);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Queue transport: {Transport} ({Location})")]
    public static partial void TransportSelected(ILogger logger, string transport, string location);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Sent {Count} messages to {Queue} in a batch of session {SessionId}")]
    public static partial void BatchSent(ILogger logger, string queue, int count, string? sessionId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Stopped renewing session {SessionId} of queue {Queue}: its lock was already lost")]
    public static partial void SessionRenewalStopped(ILogger logger, string queue, string sessionId);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Could not renew session {SessionId} of queue {Queue}; its messages are redelivered when the lock expires: {Error}")]
    public static partial void SessionRenewalFailed(ILogger logger, string queue, string sessionId, string error);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Stopped renewing session {SessionId} of queue {Queue} at {RenewUntil}: it was held longer than the configured maximum; its messages are redelivered when the lock expires")]
    public static partial void SessionRenewalGaveUp(ILogger logger, string queue, string sessionId, DateTimeOffset renewUntil);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Service Bus is reached with the client secret of app {ClientId} (ServiceBus:Credential = clientsecret); a secret can leak and expires: prefer ServiceBus:Credential = certificate or managedidentity")]
    public static partial void ClientSecretInUse(ILogger logger, string clientId);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "Dead letter {SequenceNumber} of queue {Queue} resubmitted to the queue by an operator")]
    public static partial void DeadLetterResubmitted(ILogger logger, string queue, long sequenceNumber);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Dead letter {SequenceNumber} of queue {Queue} discarded by an operator")]
    public static partial void DeadLetterDiscarded(ILogger logger, string queue, long sequenceNumber);
}
