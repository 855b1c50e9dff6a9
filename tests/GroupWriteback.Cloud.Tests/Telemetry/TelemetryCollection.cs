namespace GroupWriteback.Cloud.Tests.Telemetry;

/// <summary>
/// OpenTelemetry listens to a source or meter by name across the whole process (the pass counters' meter is
/// static), so the tests that read spans and metrics back run alone: what they read is what they did.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
