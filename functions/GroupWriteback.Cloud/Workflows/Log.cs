using GroupWriteback.Cloud.Workflows.Approvals;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>Log messages of the orchestrations (event ids 2000–2099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "{InstanceId}: {Pending} command(s) unanswered; re-queuing with the same ids ({Attempt}/{Max}).")]
    public static partial void RequeuingCommands(ILogger logger, string instanceId, int pending, int attempt, int max);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "{InstanceId}: gave up waiting for {Pending} result(s) after {Requeues} re-queue(s); the agent may be offline.")]
    public static partial void GaveUpWaiting(ILogger logger, string instanceId, int pending, int requeues);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{InstanceId}: ignored result for command {CommandId}, which this pass does not wait for.")]
    public static partial void IgnoredResult(ILogger logger, string instanceId, string? commandId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Group {GroupId} pass {Pass}: {Outcome}. {Detail}")]
    public static partial void PassFinished(ILogger logger, string groupId, int pass, string? outcome, string? detail);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "{InstanceId}: {Count} {Kind} would be deleted (threshold {Threshold}); waiting for approval.")]
    public static partial void AwaitingApproval(ILogger logger, string instanceId, int count, string kind, int threshold);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "{InstanceId}: deletes of {Count} {Kind} were not approved ({Outcome}); they are left in place.")]
    public static partial void DeletesNotApproved(ILogger logger, string instanceId, int count, string kind, ApprovalOutcome outcome);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Delta round {Round}: {Groups} group(s) changed, {Swallowed} signal(s) merged.")]
    public static partial void DeltaRoundFinished(ILogger logger, int round, int groups, int swallowed);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Delta token expired (410 Gone): the delta is re-based on the latest token and a full sync started.")]
    public static partial void DeltaTokenExpired(ILogger logger);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "{InstanceId} finished: {Done}/{Total} group(s) synced, {Deleted} deleted, deletes {Decision}.")]
    public static partial void RunFinished(ILogger logger, string instanceId, int done, int total, int deleted, string? decision);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "{InstanceId} was started concurrently; signalled it instead.")]
    public static partial void StartRaced(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "{InstanceId}: ignored a decision for preview {DecisionPreviewId}; waiting for a decision on preview {PreviewId}.")]
    public static partial void StaleDecisionIgnored(ILogger logger, string instanceId, string? decisionPreviewId, string previewId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "{InstanceId}: {Outstanding} group pass(es) stopped reporting (failed or terminated); no longer waiting for them.")]
    public static partial void PassesUnconfirmed(ILogger logger, string instanceId, int outstanding);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Full sync ({Reason}) not started: writeback is disabled; POST /api/writeback/enable turns it on and starts one.")]
    public static partial void FullSyncNotStarted(ILogger logger, string reason);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "{InstanceId}: writeback turned off (preview {PreviewId}); no group is written back until it is enabled again.")]
    public static partial void WritebackTurnedOff(ILogger logger, string instanceId, string? previewId);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Group {GroupId}: pass {Pass} failed for a transient reason (failure {Failures} in a row); running it again at {RetryAt:O}")]
    public static partial void PassRetryScheduled(ILogger logger, string groupId, int pass, int failures, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Information, Message = "Full sync ({Reason}) asked for while one runs: it runs again, from a new listing, once the current one ends.")]
    public static partial void FullSyncQueued(ILogger logger, string reason);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "{InstanceId}: a full sync ({Reason}) was asked for during this one; starting over from a new listing.")]
    public static partial void FullSyncRunsAgain(ILogger logger, string instanceId, string reason);
}
