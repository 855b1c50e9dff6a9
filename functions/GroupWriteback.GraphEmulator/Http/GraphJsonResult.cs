using System.Text.Json.Nodes;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>A JSON body with Graph's OData content type.</summary>
internal sealed class GraphJsonResult(JsonNode body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        return httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }
}
