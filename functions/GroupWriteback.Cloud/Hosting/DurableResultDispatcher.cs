using GroupWriteback.Cloud.Results;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Hosting;

/// <summary><see cref="IResultDispatcher"/> over <see cref="ResultDispatcher"/>, built per drain with the caller's source and client.</summary>
public sealed class DurableResultDispatcher(ILogger<ResultDispatcher> logger) : IResultDispatcher
{
    /// <summary>Most results taken in one receive.</summary>
    public const int BatchSize = 64;

    /// <summary>Most receives in one drain, so one timer run stays short while the queue is busy.</summary>
    public const int MaxRounds = 32;

    /// <summary>Longest wait for the first result of a drain.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task DrainOnceAsync(IResultSource source, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var dispatcher = new ResultDispatcher(source, client, logger);
        for (var round = 0; round < MaxRounds && !cancellationToken.IsCancellationRequested; round++)
        {
            var summary = await dispatcher.DrainOnceAsync(BatchSize, MaxWait, cancellationToken);
            if (summary.Received < BatchSize)
            {
                return;
            }
        }
    }
}
