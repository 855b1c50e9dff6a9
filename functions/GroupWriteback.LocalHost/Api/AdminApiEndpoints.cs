using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.LocalHost.Api;

/// <summary>
/// The admin API and the Graph webhook on Kestrel, with the routes, handlers and answers of the Functions app's
/// HTTP triggers. Every admin route needs the key; the webhook is anonymous (Graph cannot send a key) and checks clientState.
/// </summary>
public static class AdminApiEndpoints
{
    /// <summary>Maps <c>/api/*</c>.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        var admin = api.MapGroup(string.Empty).AddEndpointFilter<ApiKeyFilter>();

        admin.MapPost("/sync", (SyncHandler sync, DurableTaskClient client, HttpContext http, ILogger<SyncHandler> log) =>
            Run("POST /api/sync", log, () => sync.StartFullSyncAsync(client, http.RequestAborted)));
        admin.MapPost("/groups/{id}/sync", (string id, SyncHandler sync, DurableTaskClient client, HttpContext http, ILogger<SyncHandler> log) =>
            Run("POST /api/groups/{id}/sync", log, () => sync.SyncGroupAsync(client, id, http.RequestAborted)));
        admin.MapGet("/status", (StatusHandler status, DurableTaskClient client, HttpContext http, ILogger<StatusHandler> log) =>
            Run("GET /api/status", log, () => status.GetStatusAsync(client, http.RequestAborted)));
        admin.MapGet("/groups/{id}", (string id, DurableTaskClient client, HttpContext http, ILogger<StatusHandler> log) =>
            Run("GET /api/groups/{id}", log, () => StatusHandler.GetGroupAsync(client, id, http.RequestAborted)));
        admin.MapGet("/groups/{id}/plan", (string id, PlanHandler plans, DurableTaskClient client, HttpContext http, ILogger<PlanHandler> log) =>
            Run("GET /api/groups/{id}/plan", log, () => plans.PlanGroupAsync(client, id, http.RequestAborted)));
        admin.MapPost("/plan", (PlanHandler plans, DurableTaskClient client, HttpContext http, ILogger<PlanHandler> log) =>
            Run("POST /api/plan", log, async () => await plans.PlanTenantAsync(client, await ApiBody.ReadAsync(http.Request.Body, http.RequestAborted), http.RequestAborted)));
        admin.MapPost("/disable", (DisableWritebackHandler disable, DurableTaskClient client, HttpContext http, ILogger<DisableWritebackHandler> log) =>
            Run("POST /api/disable", log, () => disable.StartAsync(client, http.RequestAborted)));
        admin.MapPost("/writeback/enable", (EnableWritebackHandler enable, DurableTaskClient client, HttpContext http, ILogger<EnableWritebackHandler> log) =>
            Run("POST /api/writeback/enable", log, () => enable.EnableAsync(client, http.RequestAborted)));
        admin.MapGet("/approvals", (DurableTaskClient client, HttpContext http, ILogger<ApprovalHandler> log) =>
            Run("GET /api/approvals", log, () => ApprovalHandler.ListAsync(client, http.RequestAborted)));
        admin.MapPost("/approvals/{instanceId}", (string instanceId, ApprovalHandler approvals, DurableTaskClient client, HttpContext http, ILogger<ApprovalHandler> log) =>
            Run("POST /api/approvals/{instanceId}", log, async () => await approvals.DecideAsync(client, instanceId, await ApiBody.ReadAsync(http.Request.Body, http.RequestAborted), http.RequestAborted)));
        admin.MapPost("/grant", (GrantHandler grant, DurableTaskClient client, HttpContext http, ILogger<GrantHandler> log) =>
            Run("POST /api/grant", log, async () => await grant.StartAsync(client, await ApiBody.ReadAsync(http.Request.Body, http.RequestAborted), http.RequestAborted)));
        admin.MapGet("/health", (HealthHandler health, ILogger<HealthHandler> log) =>
            Run("GET /api/health", log, () => Task.FromResult(health.Get())));

        api.MapPost("/graph/notifications", (IGraphNotificationHandler handler, DurableTaskClient client, HttpContext http, ILogger<IGraphNotificationHandler> log) =>
            Run("POST /api/graph/notifications", log, () => handler.HandleAsync(
                http.Request.QueryString.Value, http.Request.Body, new DeltaWorkflowSignal(client, log), http.RequestAborted)));
        return endpoints;
    }

    private static async Task<IResult> Run(string operation, ILogger logger, Func<Task<ApiResponse>> handler) =>
        new ApiResult(await ApiExecution.RunAsync(operation, logger, handler));
}
