using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Agents;

/// <summary>
/// The agent's newest result kept in this process, for a single-process host (the local host): its in-memory task
/// hub has no durable entities, and one process drains every result anyway.
/// </summary>
public sealed class MemoryAgentHealthStore : IAgentHealthStore
{
    private readonly Lock _gate = new();
    private AgentHeartbeat? _newest;
    private Dictionary<string, AgentSeen> _agents = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyCollection<WritebackResult> results, CancellationToken cancellationToken)
    {
        var seen = AgentSeen.NewestPerAgent(results);
        lock (_gate)
        {
            _agents = AgentSeen.Merge(_agents, seen);
        }

        if (AgentHeartbeats.Newest(results) is { } heartbeat)
        {
            lock (_gate)
            {
                if (_newest is null || heartbeat.CompletedAt >= _newest.CompletedAt)
                {
                    _newest = heartbeat;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentSeen>> ReadAgentsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AgentSeen>>([.. _agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public Task<AgentHeartbeat?> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_newest);
        }
    }
}
