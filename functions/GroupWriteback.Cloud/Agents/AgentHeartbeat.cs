namespace GroupWriteback.Cloud.Agents;

/// <summary>The newest result the cloud received from an agent.</summary>
public sealed record AgentHeartbeat(string? AgentId, string CommandId, string GroupId, string Outcome, DateTimeOffset CompletedAt);
