using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Contracts.Commands;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>One pass of a per-group orchestration: plan, guard removals, queue, wait for results.</summary>
internal sealed class GroupPass(TaskOrchestrationContext context, ILogger logger)
{
    private DateTimeOffset _startedAt;

    // The trace of the call that caused the pass: every command it queues continues it.
    private TraceLink? _trace;

    // The smallest membership the published snapshot was allowed to have (null: no bound, or approved); a re-queue
    // reads Graph again and must not slip past the removal guard the first publication passed.
    private int? _snapshotMinimum;

    // The last decision this pass waited on, kept in the group's status with who made it.
    private ApprovalRecord? _approval;

    public async Task<GroupStatus> RunAsync(GroupPassRequest request, GroupStatus before)
    {
        var pass = before.Pass + 1;
        _startedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        _trace = request.Trace;
        var status = before with { Pass = pass, PassStartedAt = _startedAt, Phase = GroupPhase.Planning, Preview = null };
        context.SetCustomStatus(status);

        var plan = await PlanAsync(request, status);
        if (plan.Action == PlanAction.Skip && plan.Refusal is { } refusal)
        {
            // Reported in the status once, and not re-queued until the group changes.
            return status with
            {
                Phase = GroupPhase.Idle,
                LastOutcome = "rejected",
                SkipReason = plan.Reason,
                LastError = refusal,
                MembersWritten = 0,
                DisplayName = plan.DisplayName ?? status.DisplayName,
                RefusedIntentHash = plan.UpsertIntentHash,
                TransientFailures = 0,
                RetryAt = null,
                LastPassAt = context.CurrentUtcDateTime,
            };
        }

        if (plan.Action == PlanAction.Skip)
        {
            return status with
            {
                Phase = GroupPhase.Idle,
                LastOutcome = "skipped",
                SkipReason = plan.Reason,
                LastError = null,
                MembersWritten = 0,
                MembersSkipped = plan.MembersSkipped,
                MembersSkippedBy = GroupStatusUpdate.SkippedBy(plan, null, []),
                DisplayName = plan.DisplayName ?? status.DisplayName,
                LastPassAt = context.CurrentUtcDateTime,
            };
        }

        string? note = null;
        if (DeleteGuard.Exceeds(plan.MembersRemoved, plan.Limits.MembershipRemovalThreshold)
            && !await ApproveAsync(status, MemberPreview(request.RemovedMemberIds, plan.MembersRemoved, plan.Limits), plan.Limits))
        {
            note = $"Group {request.GroupId}: removal of {plan.MembersRemoved} member(s) was not approved; only additions were written.";
            plan = await PlanAsync(request with { RemovedMemberIds = [] }, status);
        }

        status = status with { Phase = GroupPhase.WaitingForAgent, DisplayName = plan.DisplayName ?? status.DisplayName };
        context.SetCustomStatus(status);

        var commands = plan.Commands();
        SnapshotQueued? snapshot = null;
        if (plan.Snapshot)
        {
            // The snapshot's activity queues the commands ahead of its chunks.
            (snapshot, var snapshotNote) = await QueueSnapshotAsync(request.GroupId, status, plan.Limits, commands);
            note ??= snapshotNote;
        }
        else
        {
            await PublishAsync(commands);
        }

        var ids = commands.Select(c => c.CommandId).Concat(snapshot?.CommandIds ?? []).ToList();
        var tally = await ResultWaiter.WaitAsync(
            context,
            ids,
            plan.Limits,
            pending => RequeueAsync(commands, snapshot, request.GroupId, pass, pending),
            logger);

        var after = GroupStatusUpdate.Apply(status, plan, snapshot, tally, context.CurrentUtcDateTime, note) with { LastApproval = _approval ?? status.LastApproval };
        Log.PassFinished(logger, request.GroupId, pass, after.LastOutcome, after.LastError);
        return after;
    }

    private Task<GroupPlan> PlanAsync(GroupPassRequest request, GroupStatus status) =>
        context.CallActivityAsync<GroupPlan>(nameof(PlanGroupActivity), new PlanGroupInput(context.InstanceId, status.Pass, request, status), ActivityRetry.External);

    private Task PublishAsync(IReadOnlyList<WritebackCommand> commands) =>
        commands.Count == 0 ? Task.CompletedTask : context.CallActivityAsync<int>(nameof(PublishCommandsActivity), TraceLink.Stamp(commands, _trace), ActivityRetry.External);

    private async Task<(SnapshotQueued Snapshot, string? Note)> QueueSnapshotAsync(string groupId, GroupStatus status, WorkflowLimits limits, IReadOnlyList<WritebackCommand> ahead)
    {
        // Hold the snapshot back if it would shrink the group by more than the threshold.
        int? minimum = status.KnownMemberCount is { } known && known - limits.MembershipRemovalThreshold > 0
            ? known - limits.MembershipRemovalThreshold
            : null;
        var queued = await SnapshotAsync(groupId, status.Pass, minimum, ahead);
        if (queued.Published)
        {
            _snapshotMinimum = minimum;
            return (queued, null);
        }

        var removed = status.KnownMemberCount!.Value - queued.MemberCount;
        if (await ApproveAsync(status, MemberPreview([], removed, limits), limits))
        {
            return (await SnapshotAsync(groupId, status.Pass, null), null);
        }

        return (queued, $"Group {groupId}: a snapshot removing {removed} member(s) was not approved; membership was left unchanged.");
    }

    private Task<SnapshotQueued> SnapshotAsync(string groupId, int pass, int? minimum, IReadOnlyList<WritebackCommand>? ahead = null) =>
        context.CallActivityAsync<SnapshotQueued>(
            nameof(QueueMembershipSnapshotActivity),
            new SnapshotRequest(context.InstanceId, pass, groupId, minimum, _startedAt, _trace) { Ahead = TraceLink.Stamp(ahead ?? [], _trace) },
            ActivityRetry.External);

    private async Task<bool> ApproveAsync(GroupStatus status, DeletePreview preview, WorkflowLimits limits)
    {
        Log.AwaitingApproval(logger, context.InstanceId, preview.Count, preview.Kind, preview.Threshold);
        context.SetCustomStatus(status with { Phase = GroupPhase.AwaitingApproval, Preview = preview });
        _approval = await DeleteGuard.AwaitDecisionAsync(context, preview, limits.ApprovalTimeout, logger);
        if (_approval.Outcome != ApprovalOutcome.Approved)
        {
            Log.DeletesNotApproved(logger, context.InstanceId, preview.Count, preview.Kind, _approval.Outcome);
        }

        context.SetCustomStatus(status with { LastApproval = _approval });
        return _approval.Outcome == ApprovalOutcome.Approved;
    }

    private DeletePreview MemberPreview(IReadOnlyList<string> memberIds, int count, WorkflowLimits limits) =>
        DeletePreview.Of(DeleteGuard.NewPreviewId(context), "members", memberIds, limits.MembershipRemovalThreshold) with { Count = count };

    private async Task RequeueAsync(
        IReadOnlyList<WritebackCommand> commands, SnapshotQueued? snapshot, string groupId, int pass, IReadOnlySet<string> pending)
    {
        await PublishAsync(commands.Where(c => pending.Contains(c.CommandId)).ToList());
        if (snapshot is { Published: true } && snapshot.CommandIds.Any(pending.Contains))
        {
            // Chunks carry the same ids on every run: the agent answers a chunk of a snapshot it already reconciled as
            // done, and stores one it holds again in the same place.
            await SnapshotAsync(groupId, pass, _snapshotMinimum);
        }
    }
}
