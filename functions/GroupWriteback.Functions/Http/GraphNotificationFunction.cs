using GroupWriteback.Cloud.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Functions.Http;

/// <summary>
/// <c>POST /api/graph/notifications</c>. Anonymous at the host because Graph cannot send a function
/// key; the handler authenticates every notification by its <c>clientState</c>.
/// </summary>
public sealed class GraphNotificationFunction(IGraphNotificationHandler handler, ILogger<GraphNotificationFunction> logger)
{
    /// <summary>Graph's validation handshake and change notifications.</summary>
    [Function("GraphNotifications")]
    public Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/notifications")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        Endpoint.RunAsync("POST /api/graph/notifications", logger, () => handler.HandleAsync(
            request.QueryString.Value,
            request.Body,
            new DeltaWorkflowSignal(client, logger),
            request.HttpContext.RequestAborted));
}
