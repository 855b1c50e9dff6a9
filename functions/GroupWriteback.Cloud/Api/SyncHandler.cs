using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary><c>POST /api/sync</c> (full sync) and <c>POST /api/groups/{id}/sync</c> (one group now).</summary>
internal sealed class SyncHandler(DurableTaskClient client, ILogger<SyncHandler> logger)
{
    /// <summary>Starts the full sync, or answers 409 with the running one's progress.</summary>
    public async Task<ApiResponse> StartFullSyncAsync(CancellationToken cancellationToken)
    {
        if (await WritebackSwitchControl.GetAsync(client, cancellationToken) is { Enabled: false } off)
        {
            Log.RefusedWhileDisabled(logger, "POST /api/sync");
            return WritebackDisabledAnswer.For(off, "a full sync");
        }

        if (!await FullSyncControl.StartAsync(client, "admin", cancellationToken))
        {
            var running = await client.GetInstanceAsync(InstanceIds.FullSync, getInputsAndOutputs: true, cancellationToken);
            var report = running is null ? null : WorkflowReports.From(running);
            return ApiResponse.Error(
                409,
                ErrorCodes.AlreadyRunning,
                report is null
                    ? "A full sync is already running."
                    : $"A full sync is already running since {report.CreatedAt:u} ({report.Phase}, {report.Done}/{report.Total} groups done); GET /api/status shows its progress.",
                InstanceIds.FullSync);
        }

        Log.FullSyncStarted(logger);
        return ApiResponse.Json(
            202,
            new AcceptedOperation(InstanceIds.FullSync, "started", "Every group in scope gets a snapshot pass; GET /api/status shows the progress."),
            ApiJsonContext.Default.AcceptedOperation);
    }

    /// <summary>Starts or signals the group's orchestration with a snapshot pass.</summary>
    public async Task<ApiResponse> SyncGroupAsync(string? groupId, CancellationToken cancellationToken)
    {
        if (!ApiInput.TryGroupId(groupId, "id", out var id, out var error))
        {
            return error!;
        }

        if (await WritebackSwitchControl.GetAsync(client, cancellationToken) is { Enabled: false } off)
        {
            Log.RefusedWhileDisabled(logger, "POST /api/groups/{id}/sync");
            return WritebackDisabledAnswer.For(off, $"a pass of group {id}");
        }

        var request = new GroupPassRequest { GroupId = id, Mode = GroupPassMode.Snapshot, Origin = "admin" };
        var outcome = await GroupOrchestrations.EnsurePassAsync(client, request, logger, cancellationToken);
        Log.GroupSyncRequested(logger, id, outcome);
        return ApiResponse.Json(
            202,
            new AcceptedOperation(InstanceIds.ForGroup(id), outcome, $"Group {id} gets a snapshot pass; GET /api/groups/{id} shows the result."),
            ApiJsonContext.Default.AcceptedOperation);
    }
}
