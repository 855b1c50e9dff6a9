using System.Text.Json.Serialization;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>Where the delta orchestration is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeltaPhase>))]
public enum DeltaPhase
{
    /// <summary>Waiting for a signal.</summary>
    Idle,

    /// <summary>A signal arrived; merging the rest of the burst.</summary>
    Debouncing,

    /// <summary>Reading delta pages.</summary>
    Reading,

    /// <summary>Paused: the round would delete more groups than allowed.</summary>
    AwaitingApproval,

    /// <summary>Starting or signalling per-group orchestrations.</summary>
    FanningOut,
}
