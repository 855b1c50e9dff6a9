namespace GroupWriteback.Cloud.Graph;

/// <summary>One page of a group listing.</summary>
public sealed record GroupPage
{
    /// <summary>Groups on this page.</summary>
    public IReadOnlyList<CloudGroup> Groups { get; init; } = [];

    /// <summary>Link to the next page; null on the last page.</summary>
    public string? NextLink { get; init; }
}
