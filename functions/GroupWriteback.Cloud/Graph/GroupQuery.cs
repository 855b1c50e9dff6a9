namespace GroupWriteback.Cloud.Graph;

/// <summary>Which groups to list: a Graph <c>$filter</c>, explicit ids, or (both null) all groups.</summary>
public sealed record GroupQuery
{
    /// <summary>A Graph <c>$filter</c> expression on groups.</summary>
    public string? Filter { get; init; }

    /// <summary>Explicit group ids.</summary>
    public IReadOnlyList<string>? Ids { get; init; }
}
