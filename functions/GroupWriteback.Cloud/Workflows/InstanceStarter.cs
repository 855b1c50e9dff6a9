using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>Starts an orchestration under a fixed instance id unless one is active under it.</summary>
internal static class InstanceStarter
{
    /// <summary>Statuses in which an instance still receives events.</summary>
    public static IReadOnlyList<OrchestrationRuntimeStatus> ActiveStatuses { get; } =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    /// <summary>True while the instance can still receive events.</summary>
    public static bool IsActive(OrchestrationMetadata? metadata) =>
        metadata is not null && ActiveStatuses.Contains(metadata.RuntimeStatus);

    /// <summary>Starts <paramref name="orchestrator"/>; false when an active instance already had the id.</summary>
    public static async Task<bool> TryStartAsync(
        DurableTaskClient client, string orchestrator, string instanceId, object? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (IsActive(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)))
        {
            return false;
        }

        try
        {
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses([.. ActiveStatuses]);
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another starter won the race; anything else is a real failure.
            if (IsActive(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)))
            {
                return false;
            }

            throw;
        }
    }
}
