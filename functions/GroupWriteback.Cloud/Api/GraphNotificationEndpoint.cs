using System.Text;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// <see cref="IGraphNotificationHandler"/> over <see cref="GraphNotificationHandler"/>: one handler per call with
/// that call's delta signal, its answer copied into the admin API's response shape.
/// </summary>
public sealed class GraphNotificationEndpoint(
    ISubscriptionRepair repair, IOptions<GraphOptions> options, ILogger<GraphNotificationHandler> logger) : IGraphNotificationHandler
{
    /// <inheritdoc />
    public async Task<ApiResponse> HandleAsync(string? queryString, Stream body, IDeltaSignal delta, CancellationToken ct)
    {
        using var span = CloudTelemetry.StartNotification();
        var handler = new GraphNotificationHandler(delta, repair, options, logger);
        var answer = await handler.HandleAsync(queryString, body, ct);
        span?.SetTag(CloudTagNames.StatusCode, answer.StatusCode);
        return answer.Body is null
            ? ApiResponse.Empty(answer.StatusCode)
            : new ApiResponse(answer.StatusCode, answer.ContentType ?? NotificationResponse.TextPlain, Encoding.UTF8.GetBytes(answer.Body));
    }
}
