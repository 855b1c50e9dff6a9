using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Switch;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// <c>POST /api/writeback/enable</c>: turns the <see cref="WritebackSwitch"/> back on after disable writeback,
/// and starts a full sync, which writes back every group in scope again (the changes made while writeback was
/// off were read and skipped, so only a full sync catches up).
/// </summary>
internal sealed class EnableWritebackHandler(DurableTaskClient client, TimeProvider time, ILogger<EnableWritebackHandler> logger)
{
    /// <summary>
    /// Enables writeback as <paramref name="caller"/> (its name is the switch's <see cref="WritebackSwitch.EnabledBy"/>),
    /// or answers 409 while a disable run is active or when writeback is not disabled.
    /// </summary>
    public async Task<ApiResponse> EnableAsync(AdminPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var disable = await client.GetInstanceAsync(InstanceIds.DisableWriteback, getInputsAndOutputs: true, cancellationToken);
        if (InstanceStarter.IsActive(disable))
        {
            // Its deletes may still be going out: a full sync now would race them.
            var report = WorkflowReports.From(disable!);
            return ApiResponse.Error(
                409,
                ErrorCodes.AlreadyRunning,
                $"Disable writeback is running ({report.Phase}); reject it (POST /api/approvals/{InstanceIds.DisableWriteback}) or wait until it completes, then enable writeback.",
                InstanceIds.DisableWriteback);
        }

        var current = await WritebackSwitchControl.GetAsync(client, cancellationToken);
        if (current.Enabled)
        {
            return ApiResponse.Error(409, ErrorCodes.WritebackNotDisabled, "Writeback is not disabled; nothing to enable.", InstanceIds.WritebackSwitch);
        }

        await WritebackSwitchControl.SetAsync(client, WritebackSwitch.EnabledAgain(caller.Name, time.GetUtcNow()), cancellationToken);
        var started = await FullSyncControl.StartAsync(client, "writebackEnabled", cancellationToken);
        Log.WritebackEnabled(logger, current.DisabledByRun, current.DisabledAt, started);
        var next = started
            ? "Writeback is enabled; a full sync writes every group in scope back. GET /api/status shows its progress."
            : "Writeback is enabled; a full sync was already running, and groups it skipped while writeback was off are written by POST /api/sync once it completes.";
        return ApiResponse.Json(
            202,
            new AcceptedOperation(InstanceIds.FullSync, started ? "started" : "enabled", next),
            ApiJsonContext.Default.AcceptedOperation);
    }
}
