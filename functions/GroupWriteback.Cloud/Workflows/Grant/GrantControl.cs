using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.Grant;

/// <summary>Client-side start and status of grant-permission runs.</summary>
internal static class GrantControl
{
    /// <summary>Queues the grant; returns the instance id (<c>grant-…</c>) to read the outcome with.</summary>
    public static async Task<string> StartAsync(DurableTaskClient client, GrantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = InstanceIds.GrantPrefix + Guid.NewGuid().ToString("N");
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GrantPermissionsOrchestrator), request, new StartOrchestrationOptions(instanceId), cancellationToken);
        return instanceId;
    }

    /// <summary>The outcome so far, or null for an unknown instance.</summary>
    public static async Task<GrantOutcome?> GetOutcomeAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return metadata is null ? null : InstanceStatus.Read<GrantOutcome>(metadata) ?? new GrantOutcome(GrantOutcome.WaitingForAgent, null, null);
    }
}
