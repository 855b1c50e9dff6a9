using GroupWriteback.Contracts.Results;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Api;

/// <summary>Records and reads the agent's last result through <see cref="AgentHealthEntity"/>.</summary>
public static class AgentHeartbeats
{
    /// <summary>Signals the newest of <paramref name="results"/> to the entity; nothing when there are none.</summary>
    public static Task RecordAsync(DurableTaskClient client, IReadOnlyCollection<WritebackResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return Task.CompletedTask;
        }

        var newest = results.MaxBy(r => r.CompletedAt)!;
        var heartbeat = new AgentHeartbeat(
            newest.AgentId,
            newest.CommandId,
            newest.GroupId,
            newest.Succeeded ? newest.Outcome.ToString() : $"{newest.Outcome} ({newest.Reason})",
            newest.CompletedAt);
        return client.Entities.SignalEntityAsync(AgentHealthEntity.Id, nameof(AgentHealthEntity.Record), heartbeat, options: null, cancellation: cancellationToken);
    }

    /// <summary>The stored heartbeat, or null when no result was ever received.</summary>
    public static async Task<AgentHeartbeat?> ReadAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var entity = await client.Entities.GetEntityAsync<AgentHeartbeat>(AgentHealthEntity.Id, cancellationToken);
        return entity?.State;
    }
}
