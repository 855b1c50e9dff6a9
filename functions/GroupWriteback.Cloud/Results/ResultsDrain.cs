using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Results;

/// <summary>
/// One drain of the results queue through <see cref="ResultDispatcher"/>, then the agent's newest result
/// recorded for <c>GET /api/status</c> and every command result filed in the audit trail. Resolved per run (scoped), with the host's Durable Task client.
/// </summary>
public sealed class ResultsDrain(IResultSource source, DurableTaskClient client, IAgentHealthStore health, AuditTrail audit, ILogger<ResultDispatcher> logger)
{
    /// <summary>Most results taken in one receive.</summary>
    public const int BatchSize = 64;

    /// <summary>Most receives in one drain, so one timer run stays short while the queue is busy.</summary>
    public const int MaxRounds = 32;

    /// <summary>Longest wait for the first result of a drain.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    /// <summary>Returns how many well-formed results were received.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var observed = new ObservedResultSource(source);
        var dispatcher = new ResultDispatcher(observed, client, logger);
        for (var round = 0; round < MaxRounds && !cancellationToken.IsCancellationRequested; round++)
        {
            var summary = await dispatcher.DrainOnceAsync(BatchSize, MaxWait, cancellationToken);
            if (summary.Received < BatchSize)
            {
                break;
            }
        }

        await health.RecordAsync(observed.Results, cancellationToken);
        await audit.RecordResultsAsync(observed.Results, cancellationToken);
        return observed.Results.Count;
    }
}
