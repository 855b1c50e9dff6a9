using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.Approvals;

/// <summary>
/// Client-side answer to a paused run. The instance is the one whose custom status shows the preview:
/// <see cref="InstanceIds.Delta"/>, <see cref="InstanceIds.FullSync"/>, <see cref="InstanceIds.DisableWriteback"/>
/// or a group's <c>group-&lt;objectId&gt;</c>.
/// </summary>
internal static class DeleteApprovals
{
    /// <summary>Approves the preview with id <paramref name="decision"/>.PreviewId.</summary>
    public static Task ApproveAsync(DurableTaskClient client, string instanceId, ApprovalDecision decision, CancellationToken cancellationToken) =>
        RaiseAsync(client, instanceId, EventNames.DeletesApproved, decision, cancellationToken);

    /// <summary>Rejects the preview with id <paramref name="decision"/>.PreviewId; nothing in it is deleted.</summary>
    public static Task RejectAsync(DurableTaskClient client, string instanceId, ApprovalDecision decision, CancellationToken cancellationToken) =>
        RaiseAsync(client, instanceId, EventNames.DeletesRejected, decision, cancellationToken);

    private static Task RaiseAsync(DurableTaskClient client, string instanceId, string eventName, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrEmpty(decision.PreviewId);
        return client.RaiseEventAsync(instanceId, eventName, decision, cancellationToken);
    }
}
