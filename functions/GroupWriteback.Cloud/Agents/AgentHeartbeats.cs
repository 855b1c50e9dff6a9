using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Agents;

/// <summary>Records and reads the agent's last result through <see cref="AgentHealthEntity"/>.</summary>
internal sealed class AgentHeartbeats(DurableTaskClient client) : IAgentHealthStore
{
    /// <summary>The heartbeat a batch of results stands for: its newest command result; null for a batch without one.</summary>
    public static AgentHeartbeat? Newest(IReadOnlyCollection<WritebackResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var answers = results.Where(r => !AgentHeartbeatReport.IsHeartbeat(r)).ToList();
        if (answers.Count == 0)
        {
            return null;
        }

        var newest = answers.MaxBy(r => r.CompletedAt)!;
        return new AgentHeartbeat(
            newest.AgentId,
            newest.CommandId,
            newest.GroupId,
            newest.Succeeded ? newest.Outcome.ToString() : $"{newest.Outcome} ({newest.Reason})",
            newest.CompletedAt);
    }

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyCollection<WritebackResult> results, CancellationToken cancellationToken)
    {
        if (Newest(results) is { } heartbeat)
        {
            await client.Entities.SignalEntityAsync(AgentHealthEntity.Id, nameof(AgentHealthEntity.Record), heartbeat, options: null, cancellation: cancellationToken);
        }

        if (AgentSeen.NewestPerAgent(results) is { Count: > 0 } agents)
        {
            await client.Entities.SignalEntityAsync(AgentRegistryEntity.Id, nameof(AgentRegistryEntity.Record), agents, options: null, cancellation: cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgentSeen>> ReadAgentsAsync(CancellationToken cancellationToken)
    {
        var entity = await client.Entities.GetEntityAsync<Dictionary<string, AgentSeen>>(AgentRegistryEntity.Id, cancellationToken);
        return entity?.State is { } agents ? [.. agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal)] : [];
    }

    /// <inheritdoc />
    public async Task<AgentHeartbeat?> ReadAsync(CancellationToken cancellationToken)
    {
        var entity = await client.Entities.GetEntityAsync<AgentHeartbeat>(AgentHealthEntity.Id, cancellationToken);
        return entity?.State;
    }
}
