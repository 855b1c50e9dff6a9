using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Agents;

/// <summary>
/// The agent's newest result kept in this process, for a single-process host (the local host): its in-memory task
/// hub has no durable entities, and one process drains every result anyway.
/// </summary>
public sealed class MemoryAgentHealthStore : IAgentHealthStore
{
    private readonly Lock gate = new();
    private AgentHeartbeat? newest;
    private Dictionary<string, AgentSeen> agents = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyCollection<WritebackResult> results, CancellationToken cancellationToken)
    {
        var seen = AgentSeen.NewestPerAgent(results);
        lock (gate)
        {
            agents = AgentSeen.Merge(agents, seen);
        }

        if (AgentHeartbeats.Newest(results) is { } heartbeat)
        {
            lock (gate)
            {
                if (newest is null || heartbeat.CompletedAt >= newest.CompletedAt)
                {
                    newest = heartbeat;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentSeen>> ReadAgentsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AgentSeen>>([.. agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public Task<AgentHeartbeat?> ReadAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(newest);
        }
    }
}
