using GroupWriteback.Cloud.Activities;
using GroupWriteback.Cloud.Configuration;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>
/// Disable writeback (instance id <see cref="InstanceIds.DisableWriteback"/>): deletes every group
/// this service wrote back, always after showing a preview and receiving
/// <see cref="EventNames.DeletesApproved"/>, whatever the threshold.
/// </summary>
[DurableTask(nameof(DisableWritebackOrchestrator))]
public sealed class DisableWritebackOrchestrator : TaskOrchestrator<string?, FullSyncStatus>
{
    /// <inheritdoc />
    public override async Task<FullSyncStatus> RunAsync(TaskOrchestrationContext context, string? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.CreateReplaySafeLogger<DisableWritebackOrchestrator>();
        var status = new FullSyncStatus { Reason = input ?? "writebackDisabled", Phase = FullSyncPhase.Listing };
        context.SetCustomStatus(status);
        var limits = await context.CallActivityAsync<WorkflowLimits>(nameof(GetWorkflowLimitsActivity));
        var writtenBack = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), (IReadOnlyList<string>?)null);
        status = status with { Total = writtenBack.Count, DeleteCandidates = writtenBack.Count };

        status = await FullSyncOrchestrator.DeleteOutOfScopeAsync(
            context, status, writtenBack, limits, logger, alwaysAsk: true, reason: "writebackDisabled", origin: "disable");
        status = status with { Phase = FullSyncPhase.Completed, Preview = null };
        context.SetCustomStatus(status);
        return status;
    }
}
