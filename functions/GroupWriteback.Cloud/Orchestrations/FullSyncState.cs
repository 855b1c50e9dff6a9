namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>Carried between generations of <see cref="FullSyncOrchestrator"/> (the lists stay out of the custom status).</summary>
public sealed record FullSyncState
{
    /// <summary>The visible status.</summary>
    public required FullSyncStatus Status { get; init; }

    /// <summary>In-scope groups whose pass has not been started yet.</summary>
    public IReadOnlyList<string> Remaining { get; init; } = [];

    /// <summary>Passes started and not yet reported.</summary>
    public int Outstanding { get; init; }

    /// <summary>Written-back groups no longer in scope.</summary>
    public IReadOnlyList<string> DeleteCandidates { get; init; } = [];
}
