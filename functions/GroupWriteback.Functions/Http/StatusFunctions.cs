using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Functions.Http;

/// <summary>Read-only admin endpoints: status, one group, dry-run plans, health.</summary>
public sealed class StatusFunctions(StatusHandler status, PlanHandler plans, HealthHandler health, ILogger<StatusFunctions> logger)
{
    /// <summary><c>GET /api/status</c>.</summary>
    [Function("GetStatus")]
    public Task<IActionResult> GetStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("GET /api/status", logger, () => status.GetStatusAsync(client, request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/groups/{id}</c>.</summary>
    [Function("GetGroup")]
    public Task<IActionResult> GetGroup(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "groups/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("GET /api/groups/{id}", logger, () => StatusHandler.GetGroupAsync(client, id, request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/groups/{id}/plan</c>.</summary>
    [Function("PlanGroup")]
    public Task<IActionResult> PlanGroup(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "groups/{id}/plan")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("GET /api/groups/{id}/plan", logger, () => plans.PlanGroupAsync(client, id, request.HttpContext.RequestAborted));

    /// <summary><c>POST /api/plan</c> with an optional <c>{ "maxGroups": n }</c>.</summary>
    [Function("PlanTenant")]
    public Task<IActionResult> PlanTenant(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "plan")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/plan", logger, async () =>
            await plans.PlanTenantAsync(client, await RequestBody.ReadAsync(request), request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/health</c>.</summary>
    [Function("Health")]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request) =>
        Endpoint.RunAsync("GET /api/health", logger, () => Task.FromResult(health.Get()));
}
