using GroupWriteback.Contracts.Results;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Processing;

/// <summary>Log messages of command processing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Kind} for group {GroupId} ({CommandId}): {Outcome} in {ElapsedMs} ms at {Dn}: {Detail}")]
    public static partial void CommandApplied(ILogger logger, string kind, string groupId, string commandId, ResultOutcome outcome, long elapsedMs, string? dn, string? detail);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Kind} for group {GroupId} ({CommandId}) failed in {ElapsedMs} ms: {Reason} at {Dn}: {Detail}")]
    public static partial void CommandFailed(ILogger logger, string kind, string groupId, string commandId, FailureReason reason, long elapsedMs, string? dn, string? detail);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Message {MessageId} in session {SessionId} is malformed and is dead-lettered: {Error}")]
    public static partial void MalformedMessage(ILogger logger, string messageId, string sessionId, string? error);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Transient failure on {Kind} for group {GroupId} (delivery {Delivery} of {MaxAttempts}); the message will be redelivered: {Detail}")]
    public static partial void TransientFailure(ILogger logger, string kind, string groupId, int delivery, int maxAttempts, string detail);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Giving up on {Kind} for group {GroupId} after {Delivery} deliveries; dead-lettered: {Detail}")]
    public static partial void GaveUp(ILogger logger, string kind, string groupId, int delivery, string detail);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Agent {AgentId} consuming commands; writing only under {TargetOus}")]
    public static partial void Started(ILogger logger, string agentId, string targetOus);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Directory unavailable, the agent waits {Delay} before trying again: {Detail}")]
    public static partial void DirectoryUnavailable(ILogger logger, TimeSpan delay, string detail);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Lost the lock of a command session; its messages will be delivered again: {Detail}")]
    public static partial void LockLost(ILogger logger, string detail);

    [LoggerMessage(EventId = 108, Level = LogLevel.Error, Message = "Command queue failed, retrying in {Delay}")]
    public static partial void QueueFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 109, Level = LogLevel.Error, Message = "{Kind} for group {GroupId} ({CommandId}) failed unexpectedly; answered as a failure and not retried")]
    public static partial void CommandCrashed(ILogger logger, string kind, string groupId, string commandId, Exception exception);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Directory answers again after {Outage}; commands resume")]
    public static partial void DirectoryAvailable(ILogger logger, TimeSpan outage);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "{Kind} for group {GroupId} held until the directory answers (delivery {Delivery}, not counted)")]
    public static partial void HeldForDirectory(ILogger logger, string kind, string groupId, int delivery);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Command released after a transient failure; this consumer waits {Delay}: {Detail}")]
    public static partial void ConsumerBackoff(ILogger logger, TimeSpan delay, string detail);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "Agent {AgentId} stopping: no new sessions; the commands in hand have {ShutdownTimeout} to finish")]
    public static partial void Stopping(ILogger logger, string agentId, TimeSpan shutdownTimeout);

    [LoggerMessage(EventId = 114, Level = LogLevel.Warning, Message = "{Kind} for group {GroupId} ({CommandId}) did not finish within {ShutdownTimeout} of the stop; abandoned for redelivery")]
    public static partial void AbandonedOnStop(ILogger logger, string kind, string groupId, string commandId, TimeSpan shutdownTimeout);

    [LoggerMessage(EventId = 115, Level = LogLevel.Warning, Message = "Could not abandon message {MessageId} on stop; it is delivered again when its lock runs out: {Detail}")]
    public static partial void AbandonOnStopFailed(ILogger logger, string messageId, string detail);

    [LoggerMessage(EventId = 116, Level = LogLevel.Information, Message = "Agent {AgentId} stopped")]
    public static partial void Stopped(ILogger logger, string agentId);

    [LoggerMessage(EventId = 117, Level = LogLevel.Debug, Message = "Applying {Kind} for group {GroupId} ({CommandId})")]
    public static partial void Applying(ILogger logger, string kind, string groupId, string commandId);

    [LoggerMessage(EventId = 118, Level = LogLevel.Warning, Message = "Heartbeat not sent; the next one is tried on time: {Detail}")]
    public static partial void HeartbeatFailed(ILogger logger, string detail);
}
