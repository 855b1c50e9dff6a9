namespace GroupWriteback.Cloud.Api;

/// <summary>
/// The Graph change-notification webhook (<c>POST /api/graph/notifications</c>): answers the
/// validation handshake, checks <c>clientState</c>, handles lifecycle events and signals the delta
/// workflow through <paramref name="delta"/>. The signal is passed per call because the hosts
/// obtain their Durable Task client per request.
/// </summary>
public interface IGraphNotificationHandler
{
    /// <summary>Handles one POST from Graph.</summary>
    /// <param name="validationToken">The <c>validationToken</c> query value of a handshake, else null.</param>
    /// <param name="body">The raw request body.</param>
    /// <param name="delta">Signals the delta workflow.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    Task<ApiResponse> HandleAsync(string? validationToken, ReadOnlyMemory<byte> body, IDeltaSignal delta, CancellationToken cancellationToken);
}
