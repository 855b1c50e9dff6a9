using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Api;

/// <summary>Answers one request of an <see cref="ApiRoute"/> with the services of the request's scope.</summary>
public delegate Task<ApiResponse> ApiEndpoint(IServiceProvider services, ApiRequest request);

/// <summary>
/// One admin API route as every host serves it: the name (the Functions function name), the HTTP method, the
/// template below <c>/api</c>, whether it is open without the key (only Graph's webhook), and what answers it.
/// </summary>
public sealed partial record ApiRoute(string Name, string Method, string Template, ApiEndpoint Endpoint)
{
    /// <summary>Served without the admin key: Graph cannot send one, so the endpoint authenticates the request itself.</summary>
    public bool Anonymous { get; init; }

    /// <summary>How the route is named in logs and errors, e.g. <c>POST /api/groups/{id}/sync</c>.</summary>
    public string Operation => $"{Method} /api/{Template}";

    /// <summary>The template's parameter names, in order (<c>groups/{id}/plan</c> → <c>id</c>).</summary>
    public IReadOnlyList<string> Parameters => [.. ParameterPattern().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>Runs the endpoint under <see cref="ApiExecution"/>: an unexpected failure becomes the API's error shape.</summary>
    public Task<ApiResponse> InvokeAsync(IServiceProvider services, ApiRequest request, ILogger logger) =>
        ApiExecution.RunAsync(Operation, logger, () => Endpoint(services, request));

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
