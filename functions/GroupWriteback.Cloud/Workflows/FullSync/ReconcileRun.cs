using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>
/// The steps shared by full sync and disable writeback: snapshot passes for the groups in scope, then
/// the delete guard, then delete passes, each batch bounded and continued as new in generations.
/// </summary>
internal sealed class ReconcileRun(TaskOrchestrationContext context, WorkflowLimits limits, ILogger logger)
{
    /// <summary>
    /// Runs until completion (returns the final status) or until the generation is full (continues as new).
    /// <paramref name="goingAhead"/>, when given, runs once the guard lets the deletes go (with the approved
    /// preview's id, null when nothing needed one) and before any is queued; the groups it returns are
    /// deleted too.
    /// </summary>
    public async Task<FullSyncStatus> RunAsync(
        FullSyncInput input, FullSyncState state, bool alwaysAskBeforeDeleting, string deleteReason, Func<string?, Task<IReadOnlyList<string>>>? goingAhead = null)
    {
        if (state.Status.Phase == FullSyncPhase.Syncing)
        {
            var sync = await PassFanOut.RunAsync(
                context, state.Sync, limits, SnapshotRequest, b => Show(state.Status with { Done = b.Done, Unconfirmed = b.Unconfirmed }), logger);
            state = state with { Sync = sync, Status = state.Status with { Done = sync.Done, Unconfirmed = sync.Unconfirmed } };
            if (!sync.IsFinished)
            {
                return ContinueAsNew(input, state);
            }

            state = await GuardAsync(state, alwaysAskBeforeDeleting, goingAhead);
        }

        if (state.Status.Phase == FullSyncPhase.Deleting)
        {
            GroupPassRequest Delete(string id) => new() { GroupId = id, Mode = GroupPassMode.Delete, DeleteReason = deleteReason, Origin = input.Reason };
            var deletes = await PassFanOut.RunAsync(
                context, state.Deletes, limits, Delete, b => Show(state.Status with { DeletesDone = b.Done }), logger);
            state = state with { Deletes = deletes, Status = state.Status with { DeletesDone = deletes.Done, Unconfirmed = state.Sync.Unconfirmed + deletes.Unconfirmed } };
            if (!deletes.IsFinished)
            {
                return ContinueAsNew(input, state);
            }
        }

        var final = state.Status with { Phase = FullSyncPhase.Completed, Preview = null };
        Log.RunFinished(logger, context.InstanceId, final.Done, final.Total, final.DeletesDone, final.DeleteDecision);
        return Show(final);
    }

    private static GroupPassRequest SnapshotRequest(string groupId) =>
        new() { GroupId = groupId, Mode = GroupPassMode.Snapshot, Origin = "fullSync" };

    private async Task<FullSyncState> GuardAsync(FullSyncState state, bool alwaysAsk, Func<string?, Task<IReadOnlyList<string>>>? goingAhead)
    {
        var candidates = state.DeleteCandidates;
        var status = state.Status;
        if (candidates.Count == 0)
        {
            var late = goingAhead is null ? [] : await goingAhead(null);
            if (late.Count == 0)
            {
                return state with { Status = status with { Phase = FullSyncPhase.Completed, DeleteDecision = "notNeeded" } };
            }

            return state with { Status = Show(status with { Phase = FullSyncPhase.Deleting, DeleteDecision = "notNeeded", DeletesQueued = late.Count }), Deletes = PassBatch.Of(late) };
        }

        string? approvedPreview = null;
        var decision = "belowThreshold";
        if (alwaysAsk || DeleteGuard.Exceeds(candidates.Count, limits.DeleteThreshold))
        {
            var threshold = alwaysAsk ? 0 : limits.DeleteThreshold;
            var preview = DeletePreview.Of(DeleteGuard.NewPreviewId(context), "groups", candidates, threshold);
            Log.AwaitingApproval(logger, context.InstanceId, candidates.Count, "groups", threshold);
            Show(status with { Phase = FullSyncPhase.AwaitingApproval, Preview = preview });
            var approval = await DeleteGuard.AwaitDecisionAsync(context, preview, limits.ApprovalTimeout, logger);
            status = status with { Approval = approval };
            if (approval.Outcome != ApprovalOutcome.Approved)
            {
                Log.DeletesNotApproved(logger, context.InstanceId, candidates.Count, "groups", approval.Outcome);
                var refused = approval.Outcome == ApprovalOutcome.Rejected ? "rejected" : "timedOut";
                return state with { Status = status with { Phase = FullSyncPhase.Completed, DeleteDecision = refused, Preview = null } };
            }

            decision = "approved";
            approvedPreview = preview.Id;
        }

        var more = goingAhead is null ? [] : await goingAhead(approvedPreview);
        var deletes = candidates.Union(more, StringComparer.OrdinalIgnoreCase).ToList();
        var deleting = status with { Phase = FullSyncPhase.Deleting, Preview = null, DeleteDecision = decision, DeletesQueued = deletes.Count };
        return state with { Status = Show(deleting), Deletes = PassBatch.Of(deletes) };
    }

    private FullSyncStatus ContinueAsNew(FullSyncInput input, FullSyncState state)
    {
        Show(state.Status);
        context.ContinueAsNew(input with { Carried = state }, preserveUnprocessedEvents: true);
        return state.Status;
    }

    private FullSyncStatus Show(FullSyncStatus status)
    {
        context.SetCustomStatus(status);
        return status;
    }
}
