using GroupWriteback.Cloud.Activities;
using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>Client-side access to per-group orchestrations: start or signal, read status.</summary>
public static class GroupOrchestrations
{
    /// <summary>Starts or signals the group's orchestration with <paramref name="request"/>.</summary>
    public static async Task<string> EnsurePassAsync(DurableTaskClient client, GroupPassRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = InstanceIds.ForGroup(request.GroupId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (IsActive(existing))
        {
            await client.RaiseEventAsync(instanceId, EventNames.GroupChangeRequested, request, cancellationToken);
            return EnsureGroupPassActivity.Signalled;
        }

        var previous = ReadStatus(existing) ?? new GroupStatus { GroupId = request.GroupId };
        if (request.Mode == GroupPassMode.Delete && !previous.WrittenBack)
        {
            return EnsureGroupPassActivity.Dropped;
        }

        var input = new GroupWritebackInput { Status = previous with { Phase = GroupPhase.Idle }, Request = request };
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(GroupWritebackOrchestrator), input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
            return EnsureGroupPassActivity.Started;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another starter won the race: the instance now runs, so signal it instead.
            var now = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (!IsActive(now))
            {
                throw;
            }

            Log.StartRaced(logger, instanceId, ex.Message);
            await client.RaiseEventAsync(instanceId, EventNames.GroupChangeRequested, request, cancellationToken);
            return EnsureGroupPassActivity.Signalled;
        }
    }

    /// <summary>The group's status from a running instance's custom status or an ended instance's output.</summary>
    public static GroupStatus? ReadStatus(OrchestrationMetadata? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        var fromOutput = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null
            ? metadata.ReadOutputAs<GroupStatus>()
            : null;
        return fromOutput ?? (metadata.SerializedCustomStatus is not null ? metadata.ReadCustomStatusAs<GroupStatus>() : null);
    }

    /// <summary>True while the instance can still receive events.</summary>
    public static bool IsActive(OrchestrationMetadata? metadata) =>
        metadata is not null && metadata.RuntimeStatus is OrchestrationRuntimeStatus.Running
            or OrchestrationRuntimeStatus.Pending
            or OrchestrationRuntimeStatus.Suspended;

    /// <summary>Every group whose orchestration says it is written back.</summary>
    public static async Task<IReadOnlyList<GroupStatus>> ListWrittenBackAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = InstanceIds.GroupPrefix,
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended],
            FetchInputsAndOutputs = true,
        };
        var groups = new List<GroupStatus>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (ReadStatus(instance) is { WrittenBack: true } status)
            {
                groups.Add(status);
            }
        }

        return groups;
    }
}
