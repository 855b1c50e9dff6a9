namespace GroupWriteback.LocalHost.Bench;

/// <summary>Everything one bench run measured: figures, throughput samples, change latencies and where the time went.</summary>
internal sealed class BenchResults
{
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public string Configuration { get; init; } = Bridge.RepositoryLayout.Configuration;

    public List<BenchFigure> Figures { get; } = [];

    public List<ThroughputSample> Throughput { get; } = [];

    public List<ChangeLatency> Latencies { get; } = [];

    public List<ChangeLatency> RawLatencies { get; } = [];

    /// <summary>Per scenario: stage → milliseconds (or seconds of CPU, named so), measured, not estimated.</summary>
    public Dictionary<string, Dictionary<string, double>> Breakdown { get; } = [];
}
