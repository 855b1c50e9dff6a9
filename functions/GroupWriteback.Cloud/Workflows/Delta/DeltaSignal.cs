namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>Payload of <see cref="EventNames.DeltaRequested"/>: who asked ("notification", "timer", "admin").</summary>
public sealed record DeltaSignal(string Source);
