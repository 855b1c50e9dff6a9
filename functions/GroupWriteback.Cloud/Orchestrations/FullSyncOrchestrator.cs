using GroupWriteback.Cloud.Activities;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>
/// Full sync / reconcile (instance id <see cref="InstanceIds.FullSync"/>): lists the groups in
/// scope, runs a snapshot pass for each with at most <see cref="WorkflowLimits.FanOut"/> passes in
/// flight (progress done/total in the custom status), then deletes written-back groups that left
/// the scope, through the delete guard. It continues as new every <see cref="GenerationSize"/>
/// groups so its history stays small.
/// </summary>
[DurableTask(nameof(FullSyncOrchestrator))]
public sealed class FullSyncOrchestrator : TaskOrchestrator<FullSyncInput, FullSyncStatus>
{
    /// <summary>Completed passes per generation.</summary>
    public const int GenerationSize = 500;

    /// <inheritdoc />
    public override Task<FullSyncStatus> RunAsync(TaskOrchestrationContext context, FullSyncInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return RunAsync(context, input, input.Carried);
    }

    private static async Task<FullSyncStatus> RunAsync(TaskOrchestrationContext context, FullSyncInput input, FullSyncState? carried)
    {
        var logger = context.CreateReplaySafeLogger<FullSyncOrchestrator>();
        var limits = await context.CallActivityAsync<WorkflowLimits>(nameof(GetWorkflowLimitsActivity));
        var state = carried ?? await ListAsync(context, input.Reason);

        var completedThisGeneration = 0;
        var remaining = new Queue<string>(state.Remaining);
        var outstanding = state.Outstanding;
        var status = state.Status;
        while (outstanding < limits.FanOut && remaining.Count > 0)
        {
            await StartPassAsync(context, remaining.Dequeue());
            outstanding++;
        }

        while (outstanding > 0)
        {
            if (completedThisGeneration >= GenerationSize)
            {
                var carry = state with { Status = status, Remaining = [.. remaining], Outstanding = outstanding };
                context.ContinueAsNew(input with { Carried = carry }, preserveUnprocessedEvents: true);
                return status;
            }

            var quiet = limits.ResultTimeout * (limits.MaxRequeues + 2);
            try
            {
                await context.WaitForExternalEvent<GroupPassCompleted>(EventNames.GroupPassCompleted, quiet);
                status = status with { Done = status.Done + 1 };
            }
            catch (OperationCanceledException)
            {
                // The passes in flight stopped reporting (orchestration failed or terminated): stop waiting for them.
                status = status with { Unconfirmed = status.Unconfirmed + outstanding };
                outstanding = 0;
            }

            outstanding = Math.Max(0, outstanding - 1);
            completedThisGeneration++;
            if (remaining.Count > 0)
            {
                await StartPassAsync(context, remaining.Dequeue());
                outstanding++;
            }

            context.SetCustomStatus(status);
            Log.Progress(logger, context.InstanceId, status.Done, status.Total);
        }

        status = await DeleteOutOfScopeAsync(context, status, state.DeleteCandidates, limits, logger);
        status = status with { Phase = FullSyncPhase.Completed, Preview = null };
        context.SetCustomStatus(status);
        return status;
    }

    private static async Task<FullSyncState> ListAsync(TaskOrchestrationContext context, string reason)
    {
        var status = new FullSyncStatus { Reason = reason, Phase = FullSyncPhase.Listing };
        context.SetCustomStatus(status);
        var inScope = new List<string>();
        string? next = null;
        do
        {
            var page = await context.CallActivityAsync<GroupIdPage>(nameof(ListGroupsInScopeActivity), next);
            inScope.AddRange(page.InScope);
            next = page.NextLink;
        }
        while (next is not null);

        var writtenBack = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), (IReadOnlyList<string>?)null);
        var scopeSet = new HashSet<string>(inScope, StringComparer.OrdinalIgnoreCase);
        var candidates = writtenBack.Where(id => !scopeSet.Contains(id)).ToList();
        status = status with { Phase = FullSyncPhase.Syncing, Total = scopeSet.Count, DeleteCandidates = candidates.Count };
        context.SetCustomStatus(status);
        return new FullSyncState { Status = status, Remaining = [.. scopeSet.Order(StringComparer.Ordinal)], DeleteCandidates = candidates };
    }

    private static Task<string> StartPassAsync(TaskOrchestrationContext context, string groupId) =>
        context.CallActivityAsync<string>(
            nameof(EnsureGroupPassActivity),
            new GroupPassRequest { GroupId = groupId, Mode = GroupPassMode.Snapshot, NotifyInstanceId = context.InstanceId, Origin = "fullSync" });

    /// <summary>Deletes the candidates after the guard; shared with <see cref="DisableWritebackOrchestrator"/>.</summary>
    internal static async Task<FullSyncStatus> DeleteOutOfScopeAsync(
        TaskOrchestrationContext context, FullSyncStatus status, IReadOnlyList<string> candidates, WorkflowLimits limits, ILogger logger, bool alwaysAsk = false, string reason = "outOfScope", string origin = "fullSync")
    {
        if (candidates.Count == 0)
        {
            return status with { DeleteDecision = "notNeeded" };
        }

        var decision = "belowThreshold";
        if (alwaysAsk || DeleteGuard.Exceeds(candidates.Count, limits.DeleteThreshold))
        {
            Log.AwaitingApproval(logger, context.InstanceId, candidates.Count, "groups", limits.DeleteThreshold);
            context.SetCustomStatus(status with { Phase = FullSyncPhase.AwaitingApproval, Preview = DeletePreview.Of("groups", candidates, limits.DeleteThreshold) });
            if (!await DeleteGuard.AwaitApprovalAsync(context, limits.ApprovalTimeout))
            {
                Log.DeletesNotApproved(logger, context.InstanceId, candidates.Count, "groups");
                return status with { DeleteDecision = "rejected", Preview = null };
            }

            decision = "approved";
        }

        status = status with { Phase = FullSyncPhase.Deleting, Preview = null, DeleteDecision = decision };
        context.SetCustomStatus(status);
        var deletes = candidates
            .Select(id => new GroupPassRequest { GroupId = id, Mode = GroupPassMode.Delete, DeleteReason = reason, Origin = origin })
            .ToList();
        await DeltaOrchestrator.FanOutAsync(context, deletes, limits.FanOut);
        return status with { DeletesQueued = deletes.Count };
    }
}
