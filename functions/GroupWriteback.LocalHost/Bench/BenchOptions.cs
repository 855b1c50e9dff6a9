namespace GroupWriteback.LocalHost.Bench;

/// <summary>What one <c>bench</c> run measures.</summary>
internal sealed record BenchOptions(IReadOnlyList<(int Groups, int Members)> FullSyncs, int Changes, string? OutputFolder, bool KeepState, int AgentSessions)
{
    /// <summary>Tenant sizes of the delta cost scenario (empty: skip it).</summary>
    public IReadOnlyList<int> DeltaCostSizes { get; init; } = [];

    /// <summary>Members of the large group (0: skip the scenario).</summary>
    public int LargeMembers { get; init; }
}
