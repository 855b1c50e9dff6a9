using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>Client-side control of the singleton full sync.</summary>
public static class FullSyncControl
{
    /// <summary>Starts the full sync unless one is running; true when it started one.</summary>
    public static async Task<bool> StartAsync(DurableTaskClient client, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var existing = await client.GetInstanceAsync(InstanceIds.FullSync, getInputsAndOutputs: false, cancellationToken);
        if (GroupOrchestrations.IsActive(existing))
        {
            return false;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(FullSyncOrchestrator),
            new FullSyncInput(reason),
            new StartOrchestrationOptions { InstanceId = InstanceIds.FullSync },
            cancellationToken);
        return true;
    }
}
