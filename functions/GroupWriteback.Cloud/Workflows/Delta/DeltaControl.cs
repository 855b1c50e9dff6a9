using GroupWriteback.Cloud.Telemetry;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>Client-side control of the singleton delta orchestration; the webhook and the timer call it.</summary>
public static class DeltaControl
{
    /// <summary>
    /// Signals the delta orchestration, starting it first when it is not running. A new instance keeps
    /// the deltaLink of the one before it (failed or terminated), so it does not start over with a full sync.
    /// </summary>
    public static async Task SignalAsync(DurableTaskClient client, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var existing = await client.GetInstanceAsync(InstanceIds.Delta, getInputsAndOutputs: true, cancellationToken);
        if (!InstanceStarter.IsActive(existing))
        {
            var previous = InstanceStatus.Read<DeltaState>(existing);
            var input = new DeltaState { DeltaLink = previous?.DeltaLink, Rounds = previous?.Rounds ?? 0, Rebases = previous?.Rebases ?? 0 };
            await InstanceStarter.TryStartAsync(client, nameof(DeltaOrchestrator), InstanceIds.Delta, input, cancellationToken);
        }

        await client.RaiseEventAsync(InstanceIds.Delta, EventNames.DeltaRequested, new DeltaSignal(source, TraceLink.Current()), cancellationToken);
    }

    /// <summary>The delta orchestration's state, or null before it first ran.</summary>
    public static Task<DeltaState?> GetStatusAsync(DurableTaskClient client, CancellationToken cancellationToken) =>
        InstanceStatus.GetAsync<DeltaState>(client, InstanceIds.Delta, cancellationToken);
}
