using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Api;

/// <summary>Records and reads the agent's last result through <see cref="AgentHealthEntity"/>.</summary>
public sealed class AgentHeartbeats : IAgentHealthStore
{
    /// <summary>The heartbeat a batch of results stands for: its newest result; null for an empty batch.</summary>
    public static AgentHeartbeat? Newest(IReadOnlyCollection<WritebackResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return null;
        }

        var newest = results.MaxBy(r => r.CompletedAt)!;
        return new AgentHeartbeat(
            newest.AgentId,
            newest.CommandId,
            newest.GroupId,
            newest.Succeeded ? newest.Outcome.ToString() : $"{newest.Outcome} ({newest.Reason})",
            newest.CompletedAt);
    }

    /// <inheritdoc />
    public Task RecordAsync(DurableTaskClient client, IReadOnlyCollection<WritebackResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Newest(results) is { } heartbeat
            ? client.Entities.SignalEntityAsync(AgentHealthEntity.Id, nameof(AgentHealthEntity.Record), heartbeat, options: null, cancellation: cancellationToken)
            : Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<AgentHeartbeat?> ReadAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var entity = await client.Entities.GetEntityAsync<AgentHeartbeat>(AgentHealthEntity.Id, cancellationToken);
        return entity?.State;
    }
}
