namespace GroupWriteback.Contracts.Results;

/// <summary>
/// What an agent says of itself every <c>Agent:HeartbeatInterval</c>, carried in <see cref="WritebackResult.Heartbeat"/>
/// of a result whose <see cref="WritebackResult.CommandKind"/> is <see cref="AgentHeartbeatReport.Kind"/>.
/// </summary>
public sealed record AgentHeartbeatReport
{
    /// <summary>The <see cref="WritebackResult.CommandKind"/> of a heartbeat; it answers no command.</summary>
    public const string Kind = "agentHeartbeat";

    /// <summary>The machine the agent runs on.</summary>
    public required string Host { get; init; }

    /// <summary>The agent's build version.</summary>
    public required string AgentVersion { get; init; }

    /// <summary>Group sessions the agent holds now.</summary>
    public int OpenSessions { get; init; }

    /// <summary>Commands being applied now.</summary>
    public int InFlightCommands { get; init; }

    /// <summary>The newest error the agent met (directory, queue or command failure), if any since it started.</summary>
    public string? LastError { get; init; }

    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>True when <paramref name="result"/> is a heartbeat rather than the answer to a command.</summary>
    public static bool IsHeartbeat(WritebackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Heartbeat is not null && string.Equals(result.CommandKind, Kind, StringComparison.Ordinal);
    }

    /// <summary>
    /// The heartbeat as a result: message id <c>heartbeat-&lt;agentId&gt;-&lt;ticks&gt;</c> (never a duplicate),
    /// <see cref="WritebackResult.GroupId"/> the agent id, outcome <see cref="ResultOutcome.NoOp"/> and no reply address.
    /// </summary>
    public WritebackResult ToResult(string agentId, DateTimeOffset sentAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        return new WritebackResult
        {
            CommandId = $"heartbeat-{agentId}-{sentAt.UtcTicks}",
            CommandKind = Kind,
            GroupId = agentId,
            Outcome = ResultOutcome.NoOp,
            AgentId = agentId,
            CompletedAt = sentAt,
            Heartbeat = this,
        };
    }
}
