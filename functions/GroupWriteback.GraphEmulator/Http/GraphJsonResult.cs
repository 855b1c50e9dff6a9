using System.Text.Json.Nodes;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>A JSON body with Graph's OData content type.</summary>
internal sealed class GraphJsonResult(JsonNode body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /// <summary>A single entity led by its <c>@odata.context</c>, e.g. <c>groups/$entity</c>.</summary>
    public static GraphJsonResult Entity(HttpRequest request, string contextFragment, JsonObject entity, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var json = new JsonObject { ["@odata.context"] = GraphLinks.Context(request, contextFragment) };
        foreach (var property in entity.ToList())
        {
            entity.Remove(property.Key);
            json[property.Key] = property.Value;
        }

        return new GraphJsonResult(json, statusCode);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        return httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }
}
