namespace GroupWriteback.Cloud.Api;

/// <summary>What a host hands an <see cref="ApiRoute"/>: the route's values, the raw query, the body and the request's cancellation.</summary>
public sealed record ApiRequest(IReadOnlyDictionary<string, string?> RouteValues, string? QueryString, Stream Body, CancellationToken Aborted)
{
    /// <summary>The value of route parameter <paramref name="name"/>, null when the request has none.</summary>
    public string? Route(string name) => RouteValues.GetValueOrDefault(name);

    /// <summary>The body within the API's limit (<see cref="ApiBody"/>).</summary>
    public Task<ReadOnlyMemory<byte>> ReadBodyAsync() => ApiBody.ReadAsync(Body, Aborted);
}
