using GroupWriteback.Cloud.Workflows.Group;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>
/// Per-group passes a run starts and counts: those not started yet, those in flight, and those that
/// reported back (<see cref="EventNames.GroupPassCompleted"/>) or stopped reporting.
/// </summary>
public sealed record PassBatch
{
    /// <summary>Groups whose pass has not been started yet.</summary>
    public IReadOnlyList<string> Remaining { get; init; } = [];

    /// <summary>Passes started and not yet reported.</summary>
    public int Outstanding { get; init; }

    /// <summary>Passes that finished (or had nothing to do).</summary>
    public int Done { get; init; }

    /// <summary>Passes that did not report back within the quiet period.</summary>
    public int Unconfirmed { get; init; }

    /// <summary>True when every pass finished or was given up.</summary>
    public bool IsFinished => Remaining.Count == 0 && Outstanding == 0;

    /// <summary>A batch of passes for <paramref name="groupIds"/>.</summary>
    public static PassBatch Of(IEnumerable<string> groupIds) => new() { Remaining = [.. groupIds] };
}
