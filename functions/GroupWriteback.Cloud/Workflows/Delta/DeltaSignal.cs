using GroupWriteback.Cloud.Telemetry;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>
/// Payload of <see cref="EventNames.DeltaRequested"/>: who asked ("notification", "timer", "admin"), and the trace of
/// the call that asked, which the round's commands continue.
/// </summary>
internal sealed record DeltaSignal(string Source, TraceLink? Trace = null);
