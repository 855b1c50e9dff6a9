using GroupWriteback.Cloud.Agents;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.Switch;

/// <summary>
/// Reads and sets the <see cref="WritebackSwitch"/>.
/// </summary>
/// <remarks>
/// Where it lives: in the task hub, as the input of the instance <see cref="InstanceIds.WritebackSwitch"/> of
/// <see cref="WritebackSwitchOrchestrator"/>. That survives restarts and scale-out in Azure (the instance
/// table of the hub's storage), and it works unchanged on the local host's in-memory hub, which has no
/// durable entities (so an entity, like <c>AgentHealthEntity</c>, would need a second, in-memory store and
/// the workflow tests would not run the real thing). Unlike signalling an entity or raising an event on an
/// eternal orchestration, scheduling is acknowledged once stored: when <see cref="SetAsync"/> returns, every
/// reader sees the new value, which is what lets a disable run turn writeback off before its deletes go out.
/// The delta orchestration's state was not used because sync-one-group, full sync and planning read the
/// switch outside it. Purging this instance's history would re-enable writeback, as it would lose every
/// group's state too.
/// </remarks>
internal static class WritebackSwitchControl
{
    private const int MaxAttempts = 40;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>The current switch; <see cref="WritebackSwitch.On"/> when writeback was never disabled.</summary>
    public static async Task<WritebackSwitch> GetAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Read(await client.GetInstanceAsync(InstanceIds.WritebackSwitch, getInputsAndOutputs: true, cancellationToken));
    }

    /// <summary>The switch an instance of <see cref="WritebackSwitchOrchestrator"/> holds: its input (its output is the same).</summary>
    public static WritebackSwitch Read(OrchestrationMetadata? metadata)
    {
        if (metadata is null)
        {
            return WritebackSwitch.On;
        }

        var value = metadata.SerializedInput is not null ? metadata.ReadInputAs<WritebackSwitch>() : null;
        return value ?? InstanceStatus.Read<WritebackSwitch>(metadata) ?? WritebackSwitch.On;
    }

    /// <summary>Stores <paramref name="value"/>; once this returns, <see cref="GetAsync"/> answers it everywhere.</summary>
    public static async Task SetAsync(DurableTaskClient client, WritebackSwitch value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(value);
        for (var attempt = 1; ; attempt++)
        {
            if (await InstanceStarter.TryStartAsync(client, nameof(WritebackSwitchOrchestrator), InstanceIds.WritebackSwitch, value, cancellationToken))
            {
                return;
            }

            // The previous change's instance is still pending; it completes as soon as a worker picks it up.
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"The writeback switch ({InstanceIds.WritebackSwitch}) could not be set to enabled={value.Enabled}: its previous change was still pending after {MaxAttempts} attempts.");
            }

            await Task.Delay(RetryDelay, cancellationToken);
        }
    }
}
