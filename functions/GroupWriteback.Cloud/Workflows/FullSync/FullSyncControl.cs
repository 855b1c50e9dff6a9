using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Disable;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>Client-side control of the singleton full sync and disable-writeback runs.</summary>
public static class FullSyncControl
{
    /// <summary>Starts the full sync unless one is running; true when it started one.</summary>
    public static Task<bool> StartAsync(DurableTaskClient client, string reason, CancellationToken cancellationToken) =>
        InstanceStarter.TryStartAsync(client, nameof(FullSyncOrchestrator), InstanceIds.FullSync, new FullSyncInput(reason), cancellationToken);

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
