namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Sent by a per-group orchestration to the orchestrations that asked for the pass.</summary>
public sealed record GroupPassCompleted(string GroupId, int Pass, string Outcome);
