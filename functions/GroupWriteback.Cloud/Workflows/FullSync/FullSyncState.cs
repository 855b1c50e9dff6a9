namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>Carried between generations of a full sync or disable run (the lists stay out of the custom status).</summary>
public sealed record FullSyncState
{
    /// <summary>The visible status; its phase says which batch is running.</summary>
    public required FullSyncStatus Status { get; init; }

    /// <summary>Snapshot passes of the groups in scope.</summary>
    public PassBatch Sync { get; init; } = new();

    /// <summary>Written-back groups to delete: no longer in scope, or all of them when writeback is disabled.</summary>
    public IReadOnlyList<string> DeleteCandidates { get; init; } = [];

    /// <summary>Delete passes, once approved (or below the threshold).</summary>
    public PassBatch Deletes { get; init; } = new();
}
