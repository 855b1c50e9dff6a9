using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Disable;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>Client-side control of the singleton full sync and disable-writeback runs.</summary>
internal static class FullSyncControl
{
    /// <summary>Starts the full sync unless one is running; true when it started one.</summary>
    public static Task<bool> StartAsync(DurableTaskClient client, string reason, CancellationToken cancellationToken) =>
        InstanceStarter.TryStartAsync(client, nameof(FullSyncOrchestrator), InstanceIds.FullSync, new FullSyncInput(reason), cancellationToken);

    /// <summary>
    /// Starts the full sync, or, when one is running, asks it (<see cref="EventNames.FullSyncRequested"/>) to run
    /// again from a new listing once it ends: a caller that needs a listing made after now (the delta, re-based on
    /// a new link) is not served by a run that listed earlier. True when it started one.
    /// </summary>
    public static async Task<bool> StartOrQueueAsync(DurableTaskClient client, string reason, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await StartAsync(client, reason, cancellationToken))
            {
                return true;
            }

            await client.RaiseEventAsync(InstanceIds.FullSync, EventNames.FullSyncRequested, reason, cancellationToken);

            // A run that ended before it could take the request is started afresh instead.
            if (InstanceStarter.IsActive(await client.GetInstanceAsync(InstanceIds.FullSync, getInputsAndOutputs: false, cancellationToken)))
            {
                Log.FullSyncQueued(logger, reason);
                return false;
            }
        }

        return await StartAsync(client, reason, cancellationToken);
    }

    /// <summary>
    /// Starts disabling writeback unless it is already running; true when it started. The run pauses
    /// with a preview of every written-back group until <see cref="DeleteApprovals"/> decides.
    /// </summary>
    public static Task<bool> StartDisableWritebackAsync(DurableTaskClient client, CancellationToken cancellationToken) =>
        InstanceStarter.TryStartAsync(
            client, nameof(DisableWritebackOrchestrator), InstanceIds.DisableWriteback, new FullSyncInput(DisableWritebackOrchestrator.DeleteReason), cancellationToken);

    /// <summary>The run's status: its custom status while it runs, its output when it has ended; null if it never ran.</summary>
    public static Task<FullSyncStatus?> GetStatusAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        InstanceStatus.GetAsync<FullSyncStatus>(client, instanceId, cancellationToken);
}
