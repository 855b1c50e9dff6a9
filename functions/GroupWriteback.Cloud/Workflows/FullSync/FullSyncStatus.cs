using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Disable;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>Custom status and output of <see cref="FullSyncOrchestrator"/> and <see cref="DisableWritebackOrchestrator"/>.</summary>
public sealed record FullSyncStatus
{
    /// <summary>Why the run started.</summary>
    public required string Reason { get; init; }

    /// <summary>Where the run is.</summary>
    public FullSyncPhase Phase { get; init; } = FullSyncPhase.Listing;

    /// <summary>Groups whose snapshot pass finished.</summary>
    public int Done { get; init; }

    /// <summary>Groups in scope.</summary>
    public int Total { get; init; }

    /// <summary>Passes that did not report back in time.</summary>
    public int Unconfirmed { get; init; }

    /// <summary>Written-back groups to delete (out of scope, or all when writeback is disabled).</summary>
    public int DeleteCandidates { get; init; }

    /// <summary>Delete passes started after the guard.</summary>
    public int DeletesQueued { get; init; }

    /// <summary>Delete passes that finished.</summary>
    public int DeletesDone { get; init; }

    /// <summary>"notNeeded", "belowThreshold", "approved", "rejected", "timedOut".</summary>
    public string? DeleteDecision { get; init; }

    /// <summary>The decision on the deletes, with who made it, once the run waited for one.</summary>
    public ApprovalRecord? Approval { get; init; }

    /// <summary>What would be deleted, while awaiting approval.</summary>
    public DeletePreview? Preview { get; init; }
}
