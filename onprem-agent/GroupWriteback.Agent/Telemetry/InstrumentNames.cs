namespace GroupWriteback.Agent.Telemetry;

/// <summary>Names of the agent's instruments (OpenTelemetry style: lower case, dotted, unit in the instrument).</summary>
internal static class InstrumentNames
{
    /// <summary>Counter: commands answered with Applied, NoOp or Pending; tags <c>command.kind</c>, <c>outcome</c>.</summary>
    public const string CommandsApplied = "groupwriteback.agent.commands.applied";

    /// <summary>Counter: commands answered with a failure; tags <c>command.kind</c>, <c>reason</c>.</summary>
    public const string CommandsFailed = "groupwriteback.agent.commands.failed";

    /// <summary>Counter: commands released for redelivery; tags <c>command.kind</c>, <c>reason</c>.</summary>
    public const string CommandsDeferred = "groupwriteback.agent.commands.deferred";

    /// <summary>Counter: member links written; tags <c>command.kind</c>, <c>direction</c> (added, removed).</summary>
    public const string MembersWritten = "groupwriteback.agent.members.written";

    /// <summary>Histogram (s): applying one command; tags <c>command.kind</c>, <c>outcome</c>.</summary>
    public const string CommandDuration = "groupwriteback.agent.commands.duration";

    /// <summary>Histogram (s): from the command's <c>issuedAt</c> to the agent taking it; tag <c>command.kind</c>.</summary>
    public const string QueueWait = "groupwriteback.agent.commands.queue_wait";

    /// <summary>Histogram (s): one LDAP request; tags <c>ldap.operation</c>, <c>ldap.result</c>.</summary>
    public const string LdapDuration = "groupwriteback.agent.ldap.duration";
}
