using GroupWriteback.Cloud.Workflows.Disable;

namespace GroupWriteback.Cloud.Workflows.FullSync;

/// <summary>
/// Input of <see cref="FullSyncOrchestrator"/> and <see cref="DisableWritebackOrchestrator"/>: why it
/// runs ("admin", "deltaTokenExpired", "initialRound", "schedule", "writebackDisabled"), and the state
/// carried from the previous generation.
/// </summary>
public sealed record FullSyncInput(string Reason)
{
    /// <summary>Null on the first generation.</summary>
    public FullSyncState? Carried { get; init; }
}
