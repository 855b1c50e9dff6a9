namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>Sent by a per-group orchestration to the orchestration that asked for the pass.</summary>
public sealed record GroupPassCompleted(string GroupId, string Outcome);
