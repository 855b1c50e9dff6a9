using GroupWriteback.Cloud.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// Signals the singleton delta orchestration, starting it first when it does not run. A restart
/// carries the last state it showed, so a stored deltaLink survives a failed or terminated run.
/// </summary>
public sealed class DeltaWorkflowSignal(DurableTaskClient client, ILogger logger) : IDeltaSignal
{
    /// <inheritdoc />
    public async Task RequestDeltaAsync(string reason, CancellationToken ct)
    {
        var existing = await client.GetInstanceAsync(InstanceIds.Delta, getInputsAndOutputs: true, ct);
        var action = "signalled";
        if (!GroupOrchestrations.IsActive(existing))
        {
            var carried = existing?.SerializedCustomStatus is not null ? existing.ReadCustomStatusAs<DeltaState>() : null;
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(DeltaOrchestrator), carried, new StartOrchestrationOptions { InstanceId = InstanceIds.Delta }, ct);
                action = "started";
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A concurrent signal started it first; then the event below reaches that run.
                if (!GroupOrchestrations.IsActive(await client.GetInstanceAsync(InstanceIds.Delta, getInputsAndOutputs: false, ct)))
                {
                    throw;
                }
            }
        }

        // Raised after a start too: the new run waits for it before reading.
        await client.RaiseEventAsync(InstanceIds.Delta, EventNames.DeltaRequested, new DeltaSignal(reason), ct);
        Log.DeltaSignalled(logger, reason, action);
    }
}
