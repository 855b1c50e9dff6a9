using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Agents;

/// <summary>An agent's newest heartbeat as the cloud keeps it, one per agent id (several agents for HA).</summary>
public sealed record AgentSeen(
    string AgentId,
    string Host,
    string Version,
    DateTimeOffset LastSeen,
    int OpenSessions,
    int InFlightCommands,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>The record of a heartbeat result; null for anything else.</summary>
    public static AgentSeen? From(WritebackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return AgentHeartbeatReport.IsHeartbeat(result) && result.Heartbeat is { } beat && !string.IsNullOrWhiteSpace(result.AgentId)
            ? new AgentSeen(result.AgentId, beat.Host, beat.AgentVersion, result.CompletedAt, beat.OpenSessions, beat.InFlightCommands, beat.LastError, beat.LastErrorAt)
            : null;
    }

    /// <summary>The newest heartbeat of each agent among <paramref name="results"/>.</summary>
    public static IReadOnlyList<AgentSeen> NewestPerAgent(IEnumerable<WritebackResult> results) =>
        [.. results.Select(From).OfType<AgentSeen>().GroupBy(a => a.AgentId, StringComparer.Ordinal).Select(g => g.MaxBy(a => a.LastSeen)!)];

    /// <summary><paramref name="known"/> with <paramref name="seen"/> merged in, keeping each agent's newest.</summary>
    public static Dictionary<string, AgentSeen> Merge(IReadOnlyDictionary<string, AgentSeen>? known, IEnumerable<AgentSeen> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var merged = known is null ? new Dictionary<string, AgentSeen>(StringComparer.Ordinal) : new Dictionary<string, AgentSeen>(known, StringComparer.Ordinal);
        foreach (var agent in seen)
        {
            if (!merged.TryGetValue(agent.AgentId, out var old) || agent.LastSeen >= old.LastSeen)
            {
                merged[agent.AgentId] = agent;
            }
        }

        return merged;
    }
}
