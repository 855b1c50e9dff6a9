using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Telemetry;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Client-side access to per-group orchestrations: start or signal, read status.</summary>
internal static class GroupOrchestrations
{
    /// <summary>
    /// Starts or signals the group's orchestration with <paramref name="request"/>. Returns
    /// <see cref="EnsureGroupPassActivity.Started"/>, <see cref="EnsureGroupPassActivity.Signalled"/>, or
    /// <see cref="EnsureGroupPassActivity.Dropped"/> for a delete of a group that was never written back.
    /// </summary>
    public static async Task<string> EnsurePassAsync(DurableTaskClient client, GroupPassRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        request = request.Trace is null ? request with { Trace = TraceLink.Current() } : request;

        // Inside a span of the request's trace, so an orchestration started here is traced as part of it.
        using var span = CloudTelemetry.StartGroupPass(request.GroupId, request.Trace);
        var instanceId = InstanceIds.ForGroup(request.GroupId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (!InstanceStarter.IsActive(existing))
        {
            var previous = ReadStatus(existing) ?? new GroupStatus { GroupId = request.GroupId };
            if (request.Mode == GroupPassMode.Delete && !previous.WrittenBack)
            {
                return EnsureGroupPassActivity.Dropped;
            }

            // The pass counter carries over, so command ids never repeat for the group.
            var input = new GroupWritebackInput { Status = previous with { Phase = GroupPhase.Idle, Preview = null }, Request = request };
            if (await InstanceStarter.TryStartAsync(client, nameof(GroupWritebackOrchestrator), instanceId, input, cancellationToken))
            {
                return EnsureGroupPassActivity.Started;
            }

            Log.StartRaced(logger, instanceId);
        }

        await client.RaiseEventAsync(instanceId, EventNames.GroupChangeRequested, request, cancellationToken);
        return EnsureGroupPassActivity.Signalled;
    }

    /// <summary>The group's writeback status, or null when no orchestration ever ran for it.</summary>
    public static Task<GroupStatus?> GetStatusAsync(DurableTaskClient client, string groupId, CancellationToken cancellationToken) =>
        InstanceStatus.GetAsync<GroupStatus>(client, InstanceIds.ForGroup(groupId), cancellationToken);

    /// <summary>The group's status from an ended instance's output or a running instance's custom status.</summary>
    public static GroupStatus? ReadStatus(OrchestrationMetadata? metadata) => InstanceStatus.Read<GroupStatus>(metadata);

    /// <summary>
    /// Every group whose orchestration says it is written back, or whose pass has queued commands for the agent.
    /// Failed and terminated instances count: their group still exists on-premises.
    /// </summary>
    public static async Task<IReadOnlyList<GroupStatus>> ListWrittenBackAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = InstanceIds.GroupPrefix,
            Statuses = [.. InstanceStarter.ActiveStatuses, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            FetchInputsAndOutputs = true,
        };
        var groups = new List<GroupStatus>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            // A pass waiting for the agent may have created the group already: list it too. Its delete is
            // queued behind the pass's commands in the group's session, so it lands after them.
            if (ReadStatus(instance) is { } status && (status.WrittenBack || status.Phase is GroupPhase.WaitingForAgent or GroupPhase.AwaitingApproval))
            {
                groups.Add(status);
            }
        }

        return groups;
    }
}
