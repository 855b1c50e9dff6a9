using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Workflows.Approvals;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>The delta orchestration's state: its ContinueAsNew input and its custom status.</summary>
public sealed record DeltaState
{
    /// <summary>Where the orchestration is.</summary>
    public DeltaPhase Phase { get; init; } = DeltaPhase.Idle;

    /// <summary>A signal arrived during the last round: the next round starts without waiting.</summary>
    public bool SignalPending { get; init; }

    /// <summary>The trace of the first signal that arrived during the last round, which the next round continues.</summary>
    public TraceLink? PendingTrace { get; init; }

    /// <summary>The stored deltaLink; null before the first round.</summary>
    public string? DeltaLink { get; init; }

    /// <summary>Rounds read so far.</summary>
    public int Rounds { get; init; }

    /// <summary>Signals merged into an earlier one by the debounce window.</summary>
    public int SignalsMerged { get; init; }

    /// <summary>Times the delta was re-based (first run, or 410 Gone) with a full sync.</summary>
    public int Rebases { get; init; }

    /// <summary>Groups the last round started or signalled.</summary>
    public int LastRoundGroups { get; init; }

    /// <summary>When the last round ended.</summary>
    public DateTimeOffset? LastRoundAt { get; init; }

    /// <summary>What the round would delete, while awaiting approval.</summary>
    public DeletePreview? Preview { get; init; }

    /// <summary>How the last delete approval ended, when a round needed one.</summary>
    public ApprovalOutcome? LastApproval { get; init; }

    /// <summary>The last delete decision a round waited for, with who made it.</summary>
    public ApprovalRecord? LastDecision { get; init; }
}
