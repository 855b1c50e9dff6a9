namespace GroupWriteback.Cloud.Graph;

/// <summary>One group's delta entries of a page, merged.</summary>
public sealed record GroupChange
{
    /// <summary>Entra object id of the group.</summary>
    public required string GroupId { get; init; }

    /// <summary>The group carried <c>@removed</c>: deleted (or out of the query's scope).</summary>
    public bool Deleted { get; init; }

    /// <summary>Latest properties seen for the group; null when deleted or when only members changed.</summary>
    public CloudGroup? Group { get; init; }

    /// <summary>
    /// <see cref="Group"/> carries every property scope is decided from; false for a partial update, whose missing
    /// properties would read as false and make an in-scope group look as if it left scope.
    /// </summary>
    public bool ScopeKnown { get; init; }

    /// <summary>Member changes of kinds that are never members on-premises (devices, contacts, service principals).</summary>
    public int SkippedMemberChanges { get; init; }

    /// <summary>Members added (<c>members@delta</c> entries without <c>@removed</c>).</summary>
    public IReadOnlyList<string> AddedMemberIds { get; init; } = [];

    /// <summary>Members removed (<c>members@delta</c> entries with <c>@removed</c>).</summary>
    public IReadOnlyList<string> RemovedMemberIds { get; init; } = [];
}
