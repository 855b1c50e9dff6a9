using GroupWriteback.Cloud.Api;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>One drain of the results queue, then the agent's newest result recorded for <c>GET /api/status</c>.</summary>
public sealed class ResultsDrain(IResultDispatcher dispatcher)
{
    /// <summary>Returns how many results were dispatched.</summary>
    public async Task<int> DrainAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var results = await dispatcher.DispatchAsync(client, cancellationToken);
        await AgentHeartbeats.RecordAsync(client, results, cancellationToken);
        return results.Count;
    }
}
