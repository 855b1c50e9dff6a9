using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>Log messages of the admin API and its timers (event ids 4000–4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "Admin endpoint {Operation} failed")]
    public static partial void EndpointFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Could not read the counts of queue {Queue}: {Error}")]
    public static partial void QueueCountsUnavailable(ILogger logger, string queue, string error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Full sync started by an operator")]
    public static partial void FullSyncStarted(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Group {GroupId}: pass requested by an operator ({Outcome})")]
    public static partial void GroupSyncRequested(ILogger logger, string groupId, string outcome);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Disable writeback started: every written-back group will be listed for approval")]
    public static partial void DisableStarted(ILogger logger);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Deletes of {InstanceId} {Decision} by {By}: {Comment}")]
    public static partial void ApprovalDecided(ILogger logger, string instanceId, string decision, string by, string comment);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Grant for {Account} on {Scope} queued as {InstanceId}")]
    public static partial void GrantQueued(ILogger logger, string account, string scope, string instanceId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Agent health is unavailable: {Error}")]
    public static partial void AgentHealthUnavailable(ILogger logger, string error);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Delta workflow signalled: {Reason}")]
    public static partial void DeltaSignalled(ILogger logger, string reason);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Writeback enabled again by an operator (it was disabled by {DisabledByRun} at {DisabledAt}); full sync started: {FullSyncStarted}")]
    public static partial void WritebackEnabled(ILogger logger, string? disabledByRun, DateTimeOffset? disabledAt, bool fullSyncStarted);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "{Operation} refused: writeback is disabled")]
    public static partial void RefusedWhileDisabled(ILogger logger, string operation);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "{Operation} refused to {Principal} ({StatusCode}); the route needs {Role}")]
    public static partial void AccessRefused(ILogger logger, string operation, string principal, int statusCode, string? role);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Decision on {InstanceId}: the body's \"by\" ({ClaimedBy}) is ignored; the approver recorded is {Principal}")]
    public static partial void ApproverFieldIgnored(ILogger logger, string instanceId, string claimedBy, string principal);
}
