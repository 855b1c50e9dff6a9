using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Contracts.Results;

/// <summary>The agent's report for one command, sent on the results queue.</summary>
public sealed record WritebackResult
{
    /// <summary>Wire format version.</summary>
    public int Version { get; init; } = WireFormat.Version;

    /// <summary>The command this answers.</summary>
    public required string CommandId { get; init; }

    /// <summary>The command's kind (<see cref="CommandKinds"/>).</summary>
    public required string CommandKind { get; init; }

    /// <summary>The group (session) id.</summary>
    public required string GroupId { get; init; }

    /// <summary>The orchestration waiting for this result, copied from the command.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>
    /// The command's W3C <c>traceparent</c>, echoed so the cloud can file the result (its audit trail) under the trace
    /// of the change that queued the command. Optional: absent when the command carried none.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>What happened.</summary>
    public required ResultOutcome Outcome { get; init; }

    /// <summary>Why it failed; <see cref="FailureReason.None"/> otherwise.</summary>
    public FailureReason Reason { get; init; }

    /// <summary>Human-readable detail naming the group, DN and LDAP result code.</summary>
    public string? Message { get; init; }

    /// <summary>The group's DN after the command.</summary>
    public string? DistinguishedName { get; init; }

    /// <summary>The group's objectGUID after the command.</summary>
    public Guid? ObjectGuid { get; init; }

    /// <summary>Members added by this command.</summary>
    public int MembersAdded { get; init; }

    /// <summary>Members removed by this command.</summary>
    public int MembersRemoved { get; init; }

    /// <summary>Members that do not exist on-premises (or have no on-premises key).</summary>
    public IReadOnlyList<MemberReference> SkippedMembers { get; init; } = [];

    /// <summary>The agent that applied it.</summary>
    public string? AgentId { get; init; }

    /// <summary>When the agent finished.</summary>
    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>Set on an agent's heartbeat (<see cref="AgentHeartbeatReport.Kind"/>), absent on a command's result.</summary>
    public AgentHeartbeatReport? Heartbeat { get; init; }

    /// <summary>True for applied, no-op and pending.</summary>
    public bool Succeeded => Outcome != ResultOutcome.Failed;
}
