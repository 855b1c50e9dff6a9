using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// What a host hands an <see cref="ApiRoute"/>: the route's values, the raw query, the body, the request's
/// cancellation and the caller the host authenticated (null when it authenticated nobody).
/// </summary>
public sealed record ApiRequest(IReadOnlyDictionary<string, string?> RouteValues, string? QueryString, Stream Body, CancellationToken Aborted)
{
    /// <summary>The caller, as the host authenticated it (key or Entra ID); null answers 401 on every admin route.</summary>
    public AdminPrincipal? Principal { get; init; }

    /// <summary>The principal of a route that passed <see cref="RouteAccess"/>: only anonymous routes run without one.</summary>
    public AdminPrincipal Caller => Principal ?? throw new InvalidOperationException("The route ran without an authenticated principal.");

    /// <summary>The value of route parameter <paramref name="name"/>, null when the request has none.</summary>
    public string? Route(string name) => RouteValues.GetValueOrDefault(name);

    /// <summary>The body within the API's limit (<see cref="ApiBody"/>).</summary>
    public Task<ReadOnlyMemory<byte>> ReadBodyAsync() => ApiBody.ReadAsync(Body, Aborted);
}
