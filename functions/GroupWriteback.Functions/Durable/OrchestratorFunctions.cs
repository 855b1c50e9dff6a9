using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.Disable;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Grant;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace GroupWriteback.Functions.Durable;

/// <summary>One <c>[OrchestrationTrigger]</c> per library orchestrator, named as the library calls it, and the agent health entity.</summary>
internal static class OrchestratorFunctions
{
    /// <summary><see cref="DeltaOrchestrator"/>.</summary>
    [Function(nameof(DeltaOrchestrator))]
    public static Task<DeltaState> Delta([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DeltaOrchestrator().RunAsync(context, context.GetInput<DeltaState?>());

    /// <summary><see cref="FullSyncOrchestrator"/>.</summary>
    [Function(nameof(FullSyncOrchestrator))]
    public static Task<FullSyncStatus> FullSync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new FullSyncOrchestrator().RunAsync(context, context.GetInput<FullSyncInput>()!);

    /// <summary><see cref="GroupWritebackOrchestrator"/>.</summary>
    [Function(nameof(GroupWritebackOrchestrator))]
    public static Task<GroupStatus> GroupWriteback([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new GroupWritebackOrchestrator().RunAsync(context, context.GetInput<GroupWritebackInput>()!);

    /// <summary><see cref="DisableWritebackOrchestrator"/>.</summary>
    [Function(nameof(DisableWritebackOrchestrator))]
    public static Task<FullSyncStatus> DisableWriteback([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DisableWritebackOrchestrator().RunAsync(context, context.GetInput<FullSyncInput>()!);

    /// <summary><see cref="GrantPermissionsOrchestrator"/>.</summary>
    [Function(nameof(GrantPermissionsOrchestrator))]
    public static Task<GrantOutcome> GrantPermissions([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new GrantPermissionsOrchestrator().RunAsync(context, context.GetInput<GrantRequest>()!);

    /// <summary><see cref="WritebackSwitchOrchestrator"/>.</summary>
    [Function(nameof(WritebackSwitchOrchestrator))]
    public static Task<WritebackSwitch> WritebackSwitch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WritebackSwitchOrchestrator().RunAsync(context, context.GetInput<WritebackSwitch?>());

    /// <summary><see cref="AgentHealthEntity"/>.</summary>
    [Function(nameof(AgentHealthEntity))]
    public static Task AgentHealth([EntityTrigger] TaskEntityDispatcher dispatcher) =>
        dispatcher.DispatchAsync<AgentHealthEntity>();

    /// <summary><see cref="AgentRegistryEntity"/>.</summary>
    [Function(nameof(AgentRegistryEntity))]
    public static Task AgentRegistry([EntityTrigger] TaskEntityDispatcher dispatcher) =>
        dispatcher.DispatchAsync<AgentRegistryEntity>();
}
