namespace GroupWriteback.Cloud.Graph;

/// <summary>One page of a group's members.</summary>
public sealed record MemberPage
{
    /// <summary>Members on this page.</summary>
    public IReadOnlyList<CloudMember> Members { get; init; } = [];

    /// <summary>Link to the next page; null on the last page.</summary>
    public string? NextLink { get; init; }
}
