namespace GroupWriteback.Cloud.Workflows.Grant;

/// <summary>Custom status and output of <see cref="GrantPermissionsOrchestrator"/>.</summary>
public sealed record GrantOutcome(string Outcome, string? Message, string? AgentId)
{
    /// <summary>The command is queued; no result yet.</summary>
    public const string WaitingForAgent = "waitingForAgent";

    /// <summary>The agent granted the permissions (or they were already there).</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The agent refused or failed; see <see cref="Message"/>.</summary>
    public const string Failed = "failed";

    /// <summary>No result arrived after the re-queues.</summary>
    public const string TimedOut = "timedOut";
}
