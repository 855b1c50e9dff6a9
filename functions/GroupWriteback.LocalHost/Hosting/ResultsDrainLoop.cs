using GroupWriteback.Cloud.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>Drains the results queue into the waiting orchestrations, as the Functions app's 10-second timer does, but continuously.</summary>
public sealed class ResultsDrainLoop(
    ResultsDrain drain, DurableTaskClient client, IOptions<LocalHostOptions> options, IHostApplicationLifetime lifetime, ILogger<ResultsDrainLoop> logger)
    : PeriodicWork(lifetime, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.ResultsDrainInterval;

    /// <inheritdoc />
    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken) =>
        await drain.DrainAsync(client, cancellationToken) > 0;
}
