using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Serialization;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>
/// Graph's error body: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>,
/// which the SDK surfaces as <c>ODataError</c> with the HTTP status.
/// </summary>
internal sealed class GraphErrorResult(int statusCode, string code, string message) : IResult
{
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static GraphErrorResult NotFound(string objectId) =>
        new(StatusCodes.Status404NotFound, "Request_ResourceNotFound",
            $"Resource '{objectId}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphErrorResult BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "Request_BadRequest", message);

    public static GraphErrorResult UnsupportedQuery(string message) =>
        new(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", message);

    /// <summary>
    /// 410 Gone for a delta token Graph no longer holds: the client must restart with a full synchronisation,
    /// which <c>Location</c> names (the initial delta request).
    /// </summary>
    public static GraphErrorResult Gone(string code, string message, string location) =>
        new GraphErrorResult(StatusCodes.Status410Gone, code, message).WithHeader("Location", location);

    /// <summary>
    /// 400 syncStateNotFound: what Graph answers for a directory-object deltaLink older than its seven-day lifetime
    /// (a reset of change tracking is the 410 above).
    /// </summary>
    public static GraphErrorResult SyncStateNotFound() =>
        new(StatusCodes.Status400BadRequest, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");

    public GraphErrorResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var requestId = httpContext.TraceIdentifier;
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = GraphJson.Timestamp(DateTimeOffset.UtcNow),
                    ["request-id"] = requestId,
                    ["client-request-id"] = httpContext.Request.Headers["client-request-id"].ToString(),
                },
            },
        };
        foreach (var (name, value) in Headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        return new GraphJsonResult(body, statusCode).ExecuteAsync(httpContext);
    }
}
