namespace GroupWriteback.Cloud.Graph;

/// <summary>One page of <c>groups/delta</c>, with a group's entries merged.</summary>
public sealed record DeltaPage
{
    /// <summary>Changes on this page, one per group.</summary>
    public IReadOnlyList<GroupChange> Changes { get; init; } = [];

    /// <summary>More pages follow in this round.</summary>
    public string? NextLink { get; init; }

    /// <summary>The round is complete: store this link for the next round.</summary>
    public string? DeltaLink { get; init; }
}
