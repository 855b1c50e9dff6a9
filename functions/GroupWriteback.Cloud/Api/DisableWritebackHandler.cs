using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.FullSync;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary><c>POST /api/disable</c>: starts disable writeback, which lists the written-back groups and waits for an approval.</summary>
internal sealed class DisableWritebackHandler(DurableTaskClient client, ILogger<DisableWritebackHandler> logger)
{
    /// <summary>Starts the run, or answers 409 while one is active.</summary>
    public async Task<ApiResponse> StartAsync(CancellationToken cancellationToken)
    {
        if (!await FullSyncControl.StartDisableWritebackAsync(client, cancellationToken))
        {
            var existing = await client.GetInstanceAsync(InstanceIds.DisableWriteback, getInputsAndOutputs: true, cancellationToken);
            var report = WorkflowReports.From(existing!);
            return ApiResponse.Error(
                409,
                ErrorCodes.AlreadyRunning,
                $"Disable writeback is already running ({report.Phase}, {report.DeleteCandidates} written-back group(s)); GET /api/approvals shows what waits for a decision.",
                InstanceIds.DisableWriteback);
        }

        Log.DisableStarted(logger);
        return ApiResponse.Json(
            202,
            new AcceptedOperation(
                InstanceIds.DisableWriteback,
                "started",
                $"Nothing is deleted yet: GET /api/approvals shows the groups that would be deleted; POST /api/approvals/{InstanceIds.DisableWriteback} with {{\"decision\":\"approve\"}} or {{\"decision\":\"reject\"}} decides."),
            ApiJsonContext.Default.AcceptedOperation);
    }
}
