namespace GroupWriteback.LocalHost.Bench;

/// <summary>What one <c>bench</c> run measures.</summary>
internal sealed record BenchOptions(IReadOnlyList<(int Groups, int Members)> FullSyncs, int Changes, string? OutputFolder, bool KeepState, int AgentSessions);
