namespace GroupWriteback.LocalHost.Bench;

/// <summary>Member links in AD <paramref name="Seconds"/> after a full sync (or the raw baseline) began.</summary>
internal sealed record ThroughputSample(string Series, double Seconds, long Links);
