using GroupWriteback.Cloud.Planning;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>Output of <see cref="ReadDeltaPageActivity"/>: one page, already turned into pass requests.</summary>
public sealed record DeltaPageResult
{
    /// <summary>Graph answered 410 Gone: the stored link is no longer valid.</summary>
    public bool Expired { get; init; }

    /// <summary>One request per group on the page.</summary>
    public IReadOnlyList<GroupPassRequest> Requests { get; init; } = [];

    /// <summary>More pages in this round.</summary>
    public string? NextLink { get; init; }

    /// <summary>Round complete: the link to store.</summary>
    public string? DeltaLink { get; init; }
}
