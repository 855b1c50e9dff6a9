using GroupWriteback.Cloud.Api;
using GroupWriteback.Functions.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Functions.Http;

/// <summary>
/// One HTTP trigger per entry of <see cref="AdminRoutes"/>, named as the entry: the attributes are what the host
/// reads, the table is what answers (the route table test holds the two together). A <c>[DurableClient]</c>
/// parameter only asks the host for the client; <c>DurableClientMiddleware</c> hands it to the handlers.
/// Every trigger is anonymous for the Functions host: the worker is the gate. <c>AdminPrincipalMiddleware</c> finds
/// the caller (an Entra ID bearer token, or an automation key of <c>AdminAuth:Keys</c>), a refused or missing credential
/// is 401, and the route's role is checked against the caller. Graph's webhook needs no caller and checks clientState.
/// </summary>
internal sealed class AdminApiFunctions(IServiceProvider services, ILogger<AdminApiFunctions> logger)
{
#pragma warning disable IDE0060 // The [DurableClient] parameters declare the binding; the middleware reads it.
    [Function(nameof(StartFullSync))]
    public Task<IActionResult> StartFullSync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sync")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StartFullSync), request);

    [Function(nameof(SyncGroup))]
    public Task<IActionResult> SyncGroup([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "groups/{id}/sync")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) => RunAsync(nameof(SyncGroup), request, id);

    [Function(nameof(GetStatus))]
    public Task<IActionResult> GetStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(GetStatus), request);

    [Function(nameof(GetGroup))]
    public Task<IActionResult> GetGroup([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "groups/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) => RunAsync(nameof(GetGroup), request, id);

    [Function(nameof(PlanGroup))]
    public Task<IActionResult> PlanGroup([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "groups/{id}/plan")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) => RunAsync(nameof(PlanGroup), request, id);

    [Function(nameof(PlanTenant))]
    public Task<IActionResult> PlanTenant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plan")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(PlanTenant), request);

    [Function(nameof(DisableWriteback))]
    public Task<IActionResult> DisableWriteback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "disable")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(DisableWriteback), request);

    [Function(nameof(EnableWriteback))]
    public Task<IActionResult> EnableWriteback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "writeback/enable")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(EnableWriteback), request);

    [Function(nameof(ListApprovals))]
    public Task<IActionResult> ListApprovals([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(ListApprovals), request);

    [Function(nameof(DecideApproval))]
    public Task<IActionResult> DecideApproval([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{instanceId}")] HttpRequest request, string instanceId, [DurableClient] DurableTaskClient client) => RunAsync(nameof(DecideApproval), request, instanceId);

    [Function(nameof(GrantPermissions))]
    public Task<IActionResult> GrantPermissions([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "grant")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(GrantPermissions), request);

    [Function(nameof(ListAudit))]
    public Task<IActionResult> ListAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit")] HttpRequest request) => RunAsync(nameof(ListAudit), request);

    [Function(nameof(ListDeadLetters))]
    public Task<IActionResult> ListDeadLetters([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dead-letters")] HttpRequest request) => RunAsync(nameof(ListDeadLetters), request);

    [Function(nameof(ResubmitDeadLetter))]
    public Task<IActionResult> ResubmitDeadLetter([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dead-letters/{queue}/{id}/resubmit")] HttpRequest request, string queue, string id) =>
        RunAsync(nameof(ResubmitDeadLetter), request, queue, id);

    [Function(nameof(DiscardDeadLetter))]
    public Task<IActionResult> DiscardDeadLetter([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dead-letters/{queue}/{id}/discard")] HttpRequest request, string queue, string id) =>
        RunAsync(nameof(DiscardDeadLetter), request, queue, id);

    [Function(nameof(ListGroups))]
    public Task<IActionResult> ListGroups([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "groups")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(ListGroups), request);

    [Function(nameof(AdminConsole))]
    public Task<IActionResult> AdminConsole([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request, string path) => RunAsync(nameof(AdminConsole), request, path);

    [Function(nameof(Health))]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) => RunAsync(nameof(Health), request);

    [Function(nameof(Me))]
    public Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request) => RunAsync(nameof(Me), request);

    [Function(nameof(SignIn))]
    public Task<IActionResult> SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sign-in")] HttpRequest request) => RunAsync(nameof(SignIn), request);

    [Function(nameof(GraphNotifications))]
    public Task<IActionResult> GraphNotifications([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/notifications")] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(GraphNotifications), request);
#pragma warning restore IDE0060

    private async Task<IActionResult> RunAsync(string name, HttpRequest request, params string?[] routeValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = AdminRoutes.Named(name);
        var caller = services.GetRequiredService<InvocationPrincipal>();
        if (!route.Anonymous && caller.Refusal is { } refusal)
        {
            return new ApiResponseResult(ApiResponse.Error(401, ErrorCodes.Unauthorized, refusal));
        }

        var call = new ApiRequest(route.RouteValues(routeValues), request.QueryString.Value, request.Body, request.HttpContext.RequestAborted)
        {
            Principal = caller.Principal,
        };
        return new ApiResponseResult(await route.InvokeAsync(services, call, logger));
    }
}
