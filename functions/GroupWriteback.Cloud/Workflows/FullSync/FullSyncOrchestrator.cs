using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>
/// Full sync / reconcile (instance id <see cref="InstanceIds.FullSync"/>): lists the groups in scope,
/// runs a snapshot pass for each (the agent repairs drift) with at most
/// <see cref="WorkflowLimits.FanOut"/> in flight and progress done/total in the custom status, then
/// deletes written-back groups that left the scope, through the delete guard. A full sync asked for while it runs
/// (<see cref="EventNames.FullSyncRequested"/>) makes it start over from a new listing when it ends.
/// </summary>
[DurableTask(nameof(FullSyncOrchestrator))]
public sealed class FullSyncOrchestrator : TaskOrchestrator<FullSyncInput, FullSyncStatus>
{
    /// <inheritdoc />
    public override async Task<FullSyncStatus> RunAsync(TaskOrchestrationContext context, FullSyncInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<FullSyncOrchestrator>();
        var limits = await context.CallActivityAsync<WorkflowLimits>(nameof(GetWorkflowLimitsActivity));
        var state = input.Carried ?? await ListAsync(context, input.Reason);
        var status = await new ReconcileRun(context, limits, logger).RunAsync(input, state, alwaysAskBeforeDeleting: false, deleteReason: DeleteReasons.OutOfScope);
        if (status.Phase == FullSyncPhase.Completed && BufferedEvents.TakeAll<string>(context, EventNames.FullSyncRequested) is { Count: > 0 } requested)
        {
            // Asked for during this run (the delta re-based, say): what changed after this run's listing is covered
            // only by a new one.
            Log.FullSyncRunsAgain(logger, context.InstanceId, requested[^1]);
            context.ContinueAsNew(new FullSyncInput(requested[^1]), preserveUnprocessedEvents: true);
        }

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
            var page = await context.CallActivityAsync<GroupIdPage>(nameof(ListGroupsInScopeActivity), next, ActivityRetry.External);
            inScope.AddRange(page.InScope);
            next = page.NextLink;
        }
        while (next is not null);

        var writtenBack = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), (IReadOnlyList<string>?)null);
        var scopeSet = new HashSet<string>(inScope, StringComparer.OrdinalIgnoreCase);
        var candidates = writtenBack.Where(id => !scopeSet.Contains(id)).ToList();
        status = status with { Phase = FullSyncPhase.Syncing, Total = scopeSet.Count, DeleteCandidates = candidates.Count };
        context.SetCustomStatus(status);
        return new FullSyncState { Status = status, Sync = PassBatch.Of(scopeSet.Order(StringComparer.Ordinal)), DeleteCandidates = candidates };
    }
}
