using GroupWriteback.GraphEmulator.Faults;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Querying;
using GroupWriteback.GraphEmulator.Requests;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// What runs before every endpoint, outermost first: the request log, injected faults, the bearer
/// token check for Graph paths, and the mapping of model errors to Graph error bodies.
/// </summary>
internal static class EmulatorPipeline
{
    public static void UseEmulatorPipeline(this IApplicationBuilder app, RequestLog log, FaultInjector faults, TimeProvider time)
    {
        app.Use(async (context, next) =>
        {
            var pathAndQuery = context.Request.Path + Uri.UnescapeDataString(context.Request.QueryString.Value ?? string.Empty);
            var status = StatusCodes.Status500InternalServerError;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                log.Add(new RecordedRequest(context.Request.Method, pathAndQuery, status, time.GetUtcNow()));
            }
        });

        app.Use((context, next) =>
            faults.TryTake(context.Request.Path) is { } fault ? FaultResult(fault).ExecuteAsync(context) : next(context));

        app.Use((context, next) =>
            RequiresBearer(context.Request) && !HasBearer(context.Request)
                ? new GraphErrorResult(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty.")
                    .WithHeader("WWW-Authenticate", "Bearer")
                    .ExecuteAsync(context)
                : next(context));

        app.Use(async (context, next) =>
        {
            GraphErrorResult? error;
            try
            {
                await next(context);
                return;
            }
            catch (DirectoryObjectNotFoundException ex)
            {
                error = new GraphErrorResult(StatusCodes.Status404NotFound, "Request_ResourceNotFound", ex.Message);
            }
            catch (DirectoryConflictException ex)
            {
                error = GraphErrorResult.BadRequest(ex.Message);
            }
            catch (UnsupportedQueryException ex)
            {
                error = GraphErrorResult.UnsupportedQuery(ex.Message);
            }
            catch (InvalidRequestException ex)
            {
                error = GraphErrorResult.BadRequest(ex.Message);
            }

            await error.ExecuteAsync(context);
        });
    }

    private static bool RequiresBearer(HttpRequest request) =>
        request.Path.StartsWithSegments("/v1.0", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/beta", StringComparison.OrdinalIgnoreCase);

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
        var result = new GraphErrorResult(fault.StatusCode, code, message);
        return result.WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
