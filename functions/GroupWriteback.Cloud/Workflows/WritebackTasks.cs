using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.Disable;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Grant;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>
/// Every orchestrator, activity and entity of the writeback workflows, in one place (no source generator is
/// used): the local host registers them from here, and a test holds the Functions app's wrappers to it. Task
/// names are the class names; inputs and outputs are JSON-serializable records.
/// </summary>
public static class WritebackTasks
{
    /// <summary>The orchestrator classes.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(GroupWritebackOrchestrator),
        typeof(DeltaOrchestrator),
        typeof(FullSyncOrchestrator),
        typeof(DisableWritebackOrchestrator),
        typeof(GrantPermissionsOrchestrator),
        typeof(WritebackSwitchOrchestrator),
    ];

    /// <summary>The activity classes.</summary>
    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(EnsureGroupPassActivity),
        typeof(FindWrittenBackGroupsActivity),
        typeof(GetLatestDeltaLinkActivity),
        typeof(GetWorkflowLimitsActivity),
        typeof(ListGroupsInScopeActivity),
        typeof(NotifyPassCompletedActivity),
        typeof(PlanGroupActivity),
        typeof(PublishCommandsActivity),
        typeof(QueueMembershipSnapshotActivity),
        typeof(ReadDeltaPageActivity),
        typeof(SetWritebackSwitchActivity),
        typeof(StartFullSyncActivity),
    ];

    /// <summary>
    /// The durable entities (agent health). Only the Functions app runs them: the local host's in-memory task hub
    /// has no entities and keeps agent health in memory, so <see cref="Register"/> leaves them out.
    /// </summary>
    public static IReadOnlyList<Type> Entities { get; } =
    [
        typeof(AgentHealthEntity),
        typeof(AgentRegistryEntity),
    ];

    /// <summary>Adds every orchestrator and activity to <paramref name="registry"/>.</summary>
    public static DurableTaskRegistry Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in Activities)
        {
            registry.AddActivity(activity);
        }

        return registry;
    }
}
