using GroupWriteback.Cloud.AdminConsole;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.LocalHost.Api;

/// <summary>
/// The admin API and the Graph webhook on Kestrel: every entry of <see cref="AdminRoutes"/> under <c>/api</c>, answered
/// with the request's services. Every admin route goes through <see cref="ApiKeyFilter"/> (the key, or an Entra ID
/// token when configured), which finds the principal the route's role is checked against; the routes the table marks
/// anonymous skip it (the webhook checks clientState; Graph cannot send a key).
/// </summary>
internal static class AdminApiEndpoints
{
    /// <summary>Maps <c>/api/*</c>.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        var admin = api.MapGroup(string.Empty).AddEndpointFilter<ApiKeyFilter>();
        foreach (var route in AdminRoutes.All)
        {
            (route.Anonymous ? api : admin)
                .MapMethods("/" + route.Template, [route.Method], (HttpContext http, ILogger<ApiRoute> logger) => RunAsync(route, http, logger))
                .WithName(route.Name);
        }

        return endpoints;
    }

    /// <summary>
    /// Maps the console at <c>/console/</c> too (the route table serves it at <c>/api/console/</c>, where the Functions app
    /// can serve it): the same embedded files, anonymous; the page signs in, or asks for the key, for its API calls. The page links its
    /// files by absolute path, so <c>/console</c> without the slash works as well.
    /// </summary>
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/console/{**path}", (string? path, ConsoleFiles files) => new ApiResult(files.Serve(path)));
        return endpoints;
    }

    private static async Task<IResult> RunAsync(ApiRoute route, HttpContext http, ILogger logger)
    {
        var values = route.Parameters.ToDictionary(p => p, p => http.Request.RouteValues[p]?.ToString(), StringComparer.Ordinal);
        var request = new ApiRequest(values, http.Request.QueryString.Value, http.Request.Body, http.RequestAborted)
        {
            Principal = http.Items[ApiKeyFilter.PrincipalKey] as AdminPrincipal,
        };
        return new ApiResult(await route.InvokeAsync(http.RequestServices, request, logger));
    }
}
