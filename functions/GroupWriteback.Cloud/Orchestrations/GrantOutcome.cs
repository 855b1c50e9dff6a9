namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>Output of <see cref="GrantPermissionsOrchestrator"/>.</summary>
public sealed record GrantOutcome(string Outcome, string? Message, string? AgentId);
