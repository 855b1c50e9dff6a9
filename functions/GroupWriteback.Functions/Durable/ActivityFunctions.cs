using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Contracts.Commands;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Functions.Durable;

/// <summary>
/// One <c>[ActivityTrigger]</c> per activity of <see cref="WritebackTasks"/>, named as the orchestrators call it (the
/// task list test holds the two together). An activity that uses the Durable Task client declares
/// <c>[DurableClient]</c> so the host binds one; <c>DurableClientMiddleware</c> hands it to the activity's constructor.
/// </summary>
internal static class ActivityFunctions
{
#pragma warning disable IDE0060 // The [DurableClient] parameters declare the binding; the middleware reads it.
    /// <summary><see cref="EnsureGroupPassActivity"/>.</summary>
    [Function(nameof(EnsureGroupPassActivity))]
    public static Task<string> EnsureGroupPass([ActivityTrigger] GroupPassRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<EnsureGroupPassActivity, GroupPassRequest, string>(context, instanceId, input);

    /// <summary><see cref="FindWrittenBackGroupsActivity"/>.</summary>
    [Function(nameof(FindWrittenBackGroupsActivity))]
    public static Task<IReadOnlyList<string>> FindWrittenBackGroups([ActivityTrigger] IReadOnlyList<string>? input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<FindWrittenBackGroupsActivity, IReadOnlyList<string>?, IReadOnlyList<string>>(context, instanceId, input);

    /// <summary><see cref="StartFullSyncActivity"/>.</summary>
    [Function(nameof(StartFullSyncActivity))]
    public static Task<bool> StartFullSync([ActivityTrigger] string input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<StartFullSyncActivity, string, bool>(context, instanceId, input);

    /// <summary><see cref="SetWritebackSwitchActivity"/>.</summary>
    [Function(nameof(SetWritebackSwitchActivity))]
    public static Task<bool> SetWritebackSwitch([ActivityTrigger] WritebackSwitch input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<SetWritebackSwitchActivity, WritebackSwitch, bool>(context, instanceId, input);

    /// <summary><see cref="GetLatestDeltaLinkActivity"/>.</summary>
    [Function(nameof(GetLatestDeltaLinkActivity))]
    public static Task<string> GetLatestDeltaLink([ActivityTrigger] object? input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<GetLatestDeltaLinkActivity, object?, string>(context, instanceId, input);

    /// <summary><see cref="GetWorkflowLimitsActivity"/>.</summary>
    [Function(nameof(GetWorkflowLimitsActivity))]
    public static Task<WorkflowLimits> GetWorkflowLimits([ActivityTrigger] object? input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<GetWorkflowLimitsActivity, object?, WorkflowLimits>(context, instanceId, input);

    /// <summary><see cref="ListGroupsInScopeActivity"/>.</summary>
    [Function(nameof(ListGroupsInScopeActivity))]
    public static Task<GroupIdPage> ListGroupsInScope([ActivityTrigger] string input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<ListGroupsInScopeActivity, string, GroupIdPage>(context, instanceId, input);

    /// <summary><see cref="NotifyPassCompletedActivity"/>.</summary>
    [Function(nameof(NotifyPassCompletedActivity))]
    public static Task<bool> NotifyPassCompleted([ActivityTrigger] PassCompletedNotice input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<NotifyPassCompletedActivity, PassCompletedNotice, bool>(context, instanceId, input);

    /// <summary><see cref="PlanGroupActivity"/>.</summary>
    [Function(nameof(PlanGroupActivity))]
    public static Task<GroupPlan> PlanGroup([ActivityTrigger] PlanGroupInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<PlanGroupActivity, PlanGroupInput, GroupPlan>(context, instanceId, input);

    /// <summary><see cref="PublishCommandsActivity"/>.</summary>
    [Function(nameof(PublishCommandsActivity))]
    public static Task<int> PublishCommands([ActivityTrigger] IReadOnlyList<WritebackCommand> input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<PublishCommandsActivity, IReadOnlyList<WritebackCommand>, int>(context, instanceId, input);

    /// <summary><see cref="QueueMembershipSnapshotActivity"/>.</summary>
    [Function(nameof(QueueMembershipSnapshotActivity))]
    public static Task<SnapshotQueued> QueueMembershipSnapshot([ActivityTrigger] SnapshotRequest input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<QueueMembershipSnapshotActivity, SnapshotRequest, SnapshotQueued>(context, instanceId, input);

    /// <summary><see cref="ReadDeltaPageActivity"/>.</summary>
    [Function(nameof(ReadDeltaPageActivity))]
    public static Task<DeltaPageResult> ReadDeltaPage([ActivityTrigger] string input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<ReadDeltaPageActivity, string, DeltaPageResult>(context, instanceId, input);
#pragma warning restore IDE0060
}
