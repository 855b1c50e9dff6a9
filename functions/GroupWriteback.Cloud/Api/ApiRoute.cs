using System.Text.RegularExpressions;
using GroupWriteback.Cloud.Api.Access;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>Answers one request of an <see cref="ApiRoute"/> with the services of the request's scope.</summary>
public delegate Task<ApiResponse> ApiEndpoint(IServiceProvider services, ApiRequest request);

/// <summary>
/// One admin API route as every host serves it: the name (the Functions function name), the HTTP method, the
/// template below <c>/api</c>, the app role it needs (<see cref="AdminRoles"/>), whether it is open without the key
/// (only Graph's webhook), and what answers it.
/// </summary>
public sealed partial record ApiRoute(string Name, string Method, string Template, ApiEndpoint Endpoint)
{
    /// <summary>The <see cref="Role"/> of a route any signed-in caller may use, whatever roles it holds (<c>GET /api/me</c>).</summary>
    public const string AnyRole = "*";

    /// <summary>Served without the admin key: Graph cannot send one, so the endpoint authenticates the request itself.</summary>
    public bool Anonymous { get; init; }

    /// <summary>
    /// The app role a caller needs (<see cref="AdminRoles"/>), or <see cref="AnyRole"/>. A route that is not
    /// <see cref="Anonymous"/> and declares none refuses every caller (<see cref="RouteAccess"/>).
    /// </summary>
    public string? Role { get; init; }

    /// <summary>How the route is named in logs and errors, e.g. <c>POST /api/groups/{id}/sync</c>.</summary>
    public string Operation => $"{Method} /api/{Template}";

    /// <summary>The template's parameter names, in order (<c>groups/{id}/plan</c> → <c>id</c>).</summary>
    public IReadOnlyList<string> Parameters => [.. ParameterPattern().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>
    /// Checks the request's principal against <see cref="Role"/> (401 without one, 403 without the role), then runs
    /// the endpoint under <see cref="ApiExecution"/>: an unexpected failure becomes the API's error shape.
    /// </summary>
    public Task<ApiResponse> InvokeAsync(IServiceProvider services, ApiRequest request, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RouteAccess.Refusal(this, request.Principal) is { } refusal)
        {
            Log.AccessRefused(logger, Operation, request.Principal?.Describe() ?? "(nobody)", refusal.StatusCode, Role);
            return Task.FromResult(refusal);
        }

        return ApiExecution.RunAsync(Operation, logger, () => Endpoint(services, request));
    }

    /// <summary>Pairs positional route values with <see cref="Parameters"/>, for hosts that bind them one by one.</summary>
    public IReadOnlyDictionary<string, string?> RouteValues(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = Parameters;
        if (names.Count != values.Length)
        {
            throw new ArgumentException($"{Operation} takes {names.Count} route values, not {values.Length}.", nameof(values));
        }

        return names.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    // A catch-all parameter (console/{*path}) is named without its star.
    [GeneratedRegex(@"\{\*?([^}/]+)\}")]
    private static partial Regex ParameterPattern();
}
