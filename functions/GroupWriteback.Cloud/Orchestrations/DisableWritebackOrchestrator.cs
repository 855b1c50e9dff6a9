using GroupWriteback.Cloud.Activities;
using GroupWriteback.Cloud.Configuration;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>
/// Disable writeback (instance id <see cref="InstanceIds.DisableWriteback"/>): deletes every group
/// this service wrote back, always after showing a preview and receiving
/// <see cref="EventNames.DeletesApproved"/> for it, whatever the threshold. Progress is in the custom status.
/// </summary>
[DurableTask(nameof(DisableWritebackOrchestrator))]
public sealed class DisableWritebackOrchestrator : TaskOrchestrator<FullSyncInput, FullSyncStatus>
{
    /// <summary>The delete reason the agent receives.</summary>
    public const string DeleteReason = "writebackDisabled";

    /// <inheritdoc />
    public override async Task<FullSyncStatus> RunAsync(TaskOrchestrationContext context, FullSyncInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<DisableWritebackOrchestrator>();
        var limits = await context.CallActivityAsync<WorkflowLimits>(nameof(GetWorkflowLimitsActivity));
        var state = input.Carried ?? await ListAsync(context, input.Reason);
        return await new ReconcileRun(context, limits, logger).RunAsync(input, state, alwaysAskBeforeDeleting: true, DeleteReason);
    }

    private static async Task<FullSyncState> ListAsync(TaskOrchestrationContext context, string reason)
    {
        var status = new FullSyncStatus { Reason = reason, Phase = FullSyncPhase.Listing };
        context.SetCustomStatus(status);
        var writtenBack = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), (IReadOnlyList<string>?)null);

        // Nothing to sync: the run goes straight to the guard with every written-back group.
        status = status with { Phase = FullSyncPhase.Syncing, DeleteCandidates = writtenBack.Count };
        context.SetCustomStatus(status);
        return new FullSyncState { Status = status, DeleteCandidates = writtenBack };
    }
}
