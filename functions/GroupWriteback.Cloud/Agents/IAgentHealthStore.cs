using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Agents;

/// <summary>
/// Where the agent's newest result is kept for <c>GET /api/status</c>. In Azure a durable entity
/// (<see cref="AgentHeartbeats"/>), so every app instance reports the same; a single-process host may keep it in memory.
/// </summary>
public interface IAgentHealthStore
{
    /// <summary>Records the newest of <paramref name="results"/>; nothing when there are none.</summary>
    Task RecordAsync(IReadOnlyCollection<WritebackResult> results, CancellationToken cancellationToken);

    /// <summary>The stored heartbeat, or null when no result was ever received.</summary>
    Task<AgentHeartbeat?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Each agent's newest <see cref="AgentSeen"/> heartbeat, by agent id; empty when none ever arrived.</summary>
    Task<IReadOnlyList<AgentSeen>> ReadAgentsAsync(CancellationToken cancellationToken);
}
