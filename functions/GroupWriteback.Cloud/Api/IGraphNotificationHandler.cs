using GroupWriteback.Cloud.Graph.Notifications;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// The Graph change-notification webhook (<c>POST /api/graph/notifications</c>): answers the
/// validation handshake, checks <c>clientState</c>, handles lifecycle events and signals the delta
/// workflow through <paramref name="delta"/>. The signal is passed per call because the Functions
/// host binds its Durable Task client per request rather than injecting it.
/// </summary>
public interface IGraphNotificationHandler
{
    /// <summary>Handles one POST from Graph.</summary>
    /// <param name="queryString">The raw query (a handshake carries <c>validationToken</c>).</param>
    /// <param name="body">The request body.</param>
    /// <param name="delta">Signals the delta workflow.</param>
    /// <param name="ct">The request's cancellation.</param>
    Task<ApiResponse> HandleAsync(string? queryString, Stream body, IDeltaSignal delta, CancellationToken ct);
}
