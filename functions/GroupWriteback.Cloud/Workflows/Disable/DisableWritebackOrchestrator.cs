using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.Disable;

/// <summary>
/// Disable writeback (instance id <see cref="InstanceIds.DisableWriteback"/>): deletes every group
/// this service wrote back, always after showing a preview and receiving
/// <see cref="EventNames.DeletesApproved"/> for it, whatever the threshold. Once approved, and before any
/// delete is queued, it turns the <see cref="WritebackSwitch"/> off, so no pass re-creates a group
/// meanwhile or afterwards; only enabling writeback again turns it back on. Progress is in the custom status.
/// </summary>
[DurableTask(nameof(DisableWritebackOrchestrator))]
public sealed class DisableWritebackOrchestrator : TaskOrchestrator<FullSyncInput, FullSyncStatus>
{
    /// <summary>The delete reason the agent receives.</summary>
    public const string DeleteReason = GroupPassRequest.WritebackDisabledReason;

    /// <inheritdoc />
    public override async Task<FullSyncStatus> RunAsync(TaskOrchestrationContext context, FullSyncInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<DisableWritebackOrchestrator>();
        var limits = await context.CallActivityAsync<WorkflowLimits>(nameof(GetWorkflowLimitsActivity));
        var state = input.Carried ?? await ListAsync(context, input.Reason);
        return await new ReconcileRun(context, limits, logger).RunAsync(
            input, state, alwaysAskBeforeDeleting: true, DeleteReason, previewId => TurnOffAsync(context, previewId, logger));
    }

    private static async Task<FullSyncState> ListAsync(TaskOrchestrationContext context, string reason)
    {
        var status = new FullSyncStatus { Reason = reason, Phase = FullSyncPhase.Listing };
        context.SetCustomStatus(status);
        var writtenBack = await FindWrittenBackAsync(context);

        // Nothing to sync: the run goes straight to the guard with every written-back group.
        status = status with { Phase = FullSyncPhase.Syncing, DeleteCandidates = writtenBack.Count };
        context.SetCustomStatus(status);
        return new FullSyncState { Status = status, DeleteCandidates = writtenBack };
    }

    /// <summary>
    /// Turns writeback off, then lists the written-back groups again: a pass that ran while the preview
    /// waited may have created a group since the first listing, and none can be created from now on.
    /// </summary>
    private static async Task<IReadOnlyList<string>> TurnOffAsync(TaskOrchestrationContext context, string? previewId, ILogger logger)
    {
        var off = WritebackSwitch.Off(context.InstanceId, previewId, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
        await context.CallActivityAsync<bool>(nameof(SetWritebackSwitchActivity), off);
        Log.WritebackTurnedOff(logger, context.InstanceId, previewId);
        return await FindWrittenBackAsync(context);
    }

    private static Task<IReadOnlyList<string>> FindWrittenBackAsync(TaskOrchestrationContext context) =>
        context.CallActivityAsync<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), (IReadOnlyList<string>?)null);
}
