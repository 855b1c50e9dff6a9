using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Group;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>External events the orchestrations wait for.</summary>
internal static class EventNames
{
    /// <summary>Something changed in Graph: read the delta (raised on <see cref="InstanceIds.Delta"/>).</summary>
    public const string DeltaRequested = "DeltaRequested";

    /// <summary>A group needs another pass; payload <see cref="Planning.GroupPassRequest"/>.</summary>
    public const string GroupChangeRequested = "GroupChangeRequested";

    /// <summary>The agent's result for one command; payload <see cref="Contracts.Results.WritebackResult"/>.</summary>
    public const string CommandResult = "CommandResult";

    /// <summary>An operator approved the pending deletes; payload <see cref="ApprovalDecision"/> (optional).</summary>
    public const string DeletesApproved = "DeletesApproved";

    /// <summary>An operator rejected the pending deletes; payload <see cref="ApprovalDecision"/> (optional).</summary>
    public const string DeletesRejected = "DeletesRejected";

    /// <summary>A per-group pass finished; payload <see cref="GroupPassCompleted"/>.</summary>
    public const string GroupPassCompleted = "GroupPassCompleted";

    /// <summary>To the running full sync: another was asked for (its reason as payload); it runs again when it ends.</summary>
    public const string FullSyncRequested = "FullSyncRequested";
}
