using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Api;

/// <summary><c>GET /api/status</c> (overall) and <c>GET /api/groups/{id}</c> (one group).</summary>
/// <remarks>
/// Each agent that sent a heartbeat is listed, <c>silent</c> once its newest is older than
/// <see cref="AgentsOptions.SilentAfter"/> on <paramref name="time"/> (the system clock when not given).
/// </remarks>
internal sealed class StatusHandler(DurableTaskClient client, IQueueStatusReader queues, IAgentHealthStore health, ILogger<StatusHandler> logger, TimeProvider? time = null, IOptions<AgentsOptions>? agents = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _silentAfter = agents?.Value.SilentAfter ?? new AgentsOptions().SilentAfter;

    private static readonly string[] Queues = [QueueNames.Commands, QueueNames.Results];

    /// <summary>Whether writeback is enabled, delta state, running full sync or disable run, queue counts, dead letters and agent health.</summary>
    public async Task<ApiResponse> GetStatusAsync(CancellationToken cancellationToken)
    {
        var delta = await client.GetInstanceAsync(InstanceIds.Delta, getInputsAndOutputs: true, cancellationToken);
        var fullSync = await client.GetInstanceAsync(InstanceIds.FullSync, getInputsAndOutputs: true, cancellationToken);
        var disable = await client.GetInstanceAsync(InstanceIds.DisableWriteback, getInputsAndOutputs: true, cancellationToken);
        var writeback = await WritebackSwitchControl.GetAsync(client, cancellationToken);
        var queueReports = new List<QueueReport>();
        foreach (var queue in Queues)
        {
            queueReports.Add(await ReadQueueAsync(queue, cancellationToken));
        }

        var deadLetters = queueReports.All(q => q.DeadLettered is not null) ? queueReports.Sum(q => q.DeadLettered!.Value) : (long?)null;
        var report = new StatusReport(
            writeback.Enabled,
            writeback,
            WorkflowReports.Delta(delta),
            fullSync is null ? null : WorkflowReports.From(fullSync),
            disable is null ? null : WorkflowReports.From(disable),
            queueReports,
            deadLetters,
            await ReadAgentAsync(cancellationToken),
            await ReadAgentsAsync(cancellationToken));
        return ApiResponse.Json(200, report, ApiJsonContext.Default.StatusReport);
    }

    /// <summary>One group's phase, last result, DN, member counts and last error; 404 when it has no state.</summary>
    public async Task<ApiResponse> GetGroupAsync(string? groupId, CancellationToken cancellationToken)
    {
        if (!ApiInput.TryGroupId(groupId, "id", out var id, out var error))
        {
            return error!;
        }

        var instanceId = InstanceIds.ForGroup(id);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return ApiResponse.Error(
                404,
                ErrorCodes.NotFound,
                $"Group {id} has no writeback state: no pass has run for it. POST /api/groups/{id}/sync runs one.",
                "id");
        }

        var status = GroupOrchestrations.ReadStatus(metadata) ?? new GroupStatus { GroupId = id };
        return ApiResponse.Json(200, GroupReport.From(instanceId, WorkflowReports.RuntimeStatus(metadata), status), ApiJsonContext.Default.GroupReport);
    }

    private async Task<QueueReport> ReadQueueAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            var counts = await queues.GetCountsAsync(queue, cancellationToken);
            return new QueueReport(queue, counts.Active, counts.InFlight, counts.DeadLettered, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Status still answers when the counts cannot be read (missing Manage right, broker down).
            Log.QueueCountsUnavailable(logger, queue, ex.Message);
            return new QueueReport(queue, null, null, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<IReadOnlyList<AgentReport>> ReadAgentsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = _time.GetUtcNow();
            return [.. (await health.ReadAgentsAsync(cancellationToken)).Select(a => AgentReport.From(a, now, _silentAfter))];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As for the newest result: the rest of the status still answers.
            Log.AgentHealthUnavailable(logger, ex.Message);
            return [];
        }
    }

    private async Task<AgentHealthReport> ReadAgentAsync(CancellationToken cancellationToken)
    {
        try
        {
            var heartbeat = await health.ReadAsync(cancellationToken);
            return heartbeat is null
                ? new AgentHealthReport("unknown", null, null, null, null, null, "No result has been received from an agent yet.")
                : new AgentHealthReport("seen", heartbeat.AgentId, heartbeat.CompletedAt, heartbeat.CommandId, heartbeat.GroupId, heartbeat.Outcome, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A task hub without entity support still answers the rest of the status.
            Log.AgentHealthUnavailable(logger, ex.Message);
            return new AgentHealthReport("unknown", null, null, null, null, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
