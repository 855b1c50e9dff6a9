namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>Output of <see cref="ListGroupsInScopeActivity"/>: the in-scope group ids of one listing page.</summary>
public sealed record GroupIdPage(IReadOnlyList<string> InScope, string? NextLink);
