using GroupWriteback.Cloud.Api;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>One drain of the results queue, then the agent's newest result recorded for <c>GET /api/status</c>.</summary>
public sealed class ResultsDrain(IResultSource source, IResultDispatcher dispatcher, IAgentHealthStore health)
{
    /// <summary>Returns how many well-formed results were received.</summary>
    public async Task<int> DrainAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var observed = new ObservedResultSource(source);
        await dispatcher.DrainOnceAsync(observed, client, cancellationToken);
        await health.RecordAsync(client, observed.Results, cancellationToken);
        return observed.Results.Count;
    }
}
