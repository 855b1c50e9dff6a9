namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>Custom status and output of <see cref="FullSyncOrchestrator"/> and <see cref="DisableWritebackOrchestrator"/>.</summary>
public sealed record FullSyncStatus
{
    /// <summary>Why the run started.</summary>
    public required string Reason { get; init; }

    /// <summary>Where the run is.</summary>
    public FullSyncPhase Phase { get; init; } = FullSyncPhase.Listing;

    /// <summary>Groups whose pass finished.</summary>
    public int Done { get; init; }

    /// <summary>Groups in scope.</summary>
    public int Total { get; init; }

    /// <summary>Group passes that did not report back in time.</summary>
    public int Unconfirmed { get; init; }

    /// <summary>Written-back groups that are no longer in scope.</summary>
    public int DeleteCandidates { get; init; }

    /// <summary>Deletes queued after the guard.</summary>
    public int DeletesQueued { get; init; }

    /// <summary>"notNeeded", "belowThreshold", "approved", "rejected".</summary>
    public string? DeleteDecision { get; init; }

    /// <summary>What would be deleted, while awaiting approval.</summary>
    public DeletePreview? Preview { get; init; }
}
