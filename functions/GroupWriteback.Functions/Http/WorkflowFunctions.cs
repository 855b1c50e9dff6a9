using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Functions.Http;

/// <summary>Admin endpoints that start or steer workflows: sync, group sync, disable and enable, approvals, grant.</summary>
public sealed class WorkflowFunctions(
    SyncHandler sync,
    DisableWritebackHandler disable,
    EnableWritebackHandler enable,
    ApprovalHandler approvals,
    GrantHandler grant,
    ILogger<WorkflowFunctions> logger)
{
    /// <summary><c>POST /api/sync</c>.</summary>
    [Function("StartFullSync")]
    public Task<IActionResult> StartFullSync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/sync", logger, () => sync.StartFullSyncAsync(client, request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/groups/{id}/sync</c>.</summary>
    [Function("SyncGroup")]
    public Task<IActionResult> SyncGroup(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "groups/{id}/sync")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/groups/{id}/sync", logger, () => sync.SyncGroupAsync(client, id, request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/disable</c>.</summary>
    [Function("DisableWriteback")]
    public Task<IActionResult> DisableWriteback(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "disable")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/disable", logger, () => disable.StartAsync(client, request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/writeback/enable</c>.</summary>
    [Function("EnableWriteback")]
    public Task<IActionResult> EnableWriteback(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "writeback/enable")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/writeback/enable", logger, () => enable.EnableAsync(client, request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/approvals</c>.</summary>
    [Function("ListApprovals")]
    public Task<IActionResult> ListApprovals(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "approvals")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("GET /api/approvals", logger, () => ApprovalHandler.ListAsync(client, request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/approvals/{instanceId}</c> with <c>{ "decision": "approve" | "reject", "by", "comment" }</c>.</summary>
    [Function("DecideApproval")]
    public Task<IActionResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "approvals/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/approvals/{instanceId}", logger, async () =>
            await approvals.DecideAsync(client, instanceId, await RequestBody.ReadAsync(request), request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/grant</c> with <c>{ "account", "scope", "targetOu", "skipAdminSdHolder" }</c>.</summary>
    [Function("GrantPermissions")]
    public Task<IActionResult> GrantPermissions(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "grant")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/grant", logger, async () =>
            await grant.StartAsync(client, await RequestBody.ReadAsync(request), request.HttpContext.RequestAborted));
}
