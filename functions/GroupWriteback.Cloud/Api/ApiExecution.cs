using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// Runs an endpoint so that a failure becomes the one error shape with the details in the log, never a
/// stack trace in the answer: 502/503 naming Graph's answer when Graph failed, 500 otherwise. A cancelled
/// request stays cancelled.
/// </summary>
internal static class ApiExecution
{
    /// <summary>Runs <paramref name="endpoint"/>, turning an unexpected exception into a 500.</summary>
    public static async Task<ApiResponse> RunAsync(string operation, ILogger logger, Func<Task<ApiResponse>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        try
        {
            return await endpoint();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Graph.GraphRequestException ex)
        {
            // Graph's answer is the administrator's to see: it names the request, the status and Graph's reason
            // (a missing permission, an unknown filter attribute), none of which is a server secret.
            Log.EndpointFailed(logger, operation, ex);
            return ApiResponse.Error(ex.IsTransient ? 503 : 502, ErrorCodes.GraphRequestFailed, $"{operation}: {ex.Message}");
        }
        catch (Exception ex)
        {
            // The boundary of the API: anything unexpected is logged in full and answered briefly.
            Log.EndpointFailed(logger, operation, ex);
            return ApiResponse.Error(500, ErrorCodes.InternalError, $"{operation} failed on the server ({ex.GetType().Name}); the log has the details.");
        }
    }
}
