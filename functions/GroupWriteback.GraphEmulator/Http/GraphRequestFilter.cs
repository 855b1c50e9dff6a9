using System.Globalization;
using GroupWriteback.GraphEmulator.Faults;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Requests;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// Runs around every Graph endpoint, outermost first: the request log (written as the response starts, so a
/// client that has its answer finds it logged), injected latency and faults, the bearer token check, and the mapping of
/// model errors to Graph error bodies.
/// </summary>
internal sealed class GraphRequestFilter(RequestLog log, FaultInjector faults, EmulatedTenant tenant) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var pathAndQuery = http.Request.Path + Uri.UnescapeDataString(http.Request.QueryString.Value ?? string.Empty);
        var method = http.Request.Method;
        http.Response.OnStarting(() =>
        {
            log.Add(new RecordedRequest(method, pathAndQuery, http.Response.StatusCode, tenant.Time.GetUtcNow()));
            return Task.CompletedTask;
        });

        if (faults.Latency is { Ticks: > 0 } latency)
        {
            await Task.Delay(latency, http.RequestAborted);
        }

        if (faults.TryTake(http.Request.Path) is { } fault)
        {
            return FaultResult(fault);
        }

        if (!HasBearer(http.Request))
        {
            return new GraphErrorResult(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty.")
                .WithHeader("WWW-Authenticate", "Bearer");
        }

        try
        {
            return await next(context);
        }
        catch (DirectoryObjectNotFoundException ex)
        {
            return new GraphErrorResult(StatusCodes.Status404NotFound, "Request_ResourceNotFound", ex.Message);
        }
        catch (DirectoryConflictException ex)
        {
            return GraphErrorResult.BadRequest(ex.Message);
        }
        catch (UnsupportedQueryException ex)
        {
            return GraphErrorResult.UnsupportedQuery(ex.Message);
        }
        catch (InvalidRequestException ex)
        {
            return new GraphErrorResult(StatusCodes.Status400BadRequest, ex.Code, ex.Message);
        }
    }

    private static bool HasBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > "Bearer ".Length;
    }

    private static GraphErrorResult FaultResult(InjectedFault fault)
    {
        var (code, message) = fault.StatusCode switch
        {
            StatusCodes.Status429TooManyRequests => ("TooManyRequests", "Too many requests; retry after the interval in the Retry-After header."),
            StatusCodes.Status503ServiceUnavailable => ("serviceNotAvailable", "The service is temporarily unavailable. Please retry later."),
            _ => ("generalException", "An injected failure occurred."),
        };
        return new GraphErrorResult(fault.StatusCode, code, message)
            .WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
    }
}
