using GroupWriteback.Cloud.Workflows.Delta;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>
/// Signals the delta workflow at start and then every <see cref="LocalHostOptions.DeltaPollInterval"/>. The first
/// signal of a fresh task hub finds no deltaLink, so the delta workflow starts from the latest token and runs a full sync.
/// </summary>
internal sealed class DeltaPollLoop(
    DurableTaskClient client, IOptions<LocalHostOptions> options, IHostApplicationLifetime lifetime, ILogger<DeltaPollLoop> logger)
    : PeriodicWork(lifetime, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.DeltaPollInterval;

    /// <inheritdoc />
    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await DeltaControl.SignalAsync(client, "timer", cancellationToken);
        return false;
    }
}
