using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Cloud.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>
/// Drains the results queue into the waiting orchestrations, as the Functions app's 10-second timer does, but
/// continuously; each drain in its own scope, as a timer invocation has.
/// </summary>
internal sealed class ResultsDrainLoop(
    IServiceScopeFactory scopes, IOptions<LocalHostOptions> options, IHostApplicationLifetime lifetime, ILogger<ResultsDrainLoop> logger)
    : PeriodicWork(lifetime, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.ResultsDrainInterval;

    /// <inheritdoc />
    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResultsDrain>().DrainAsync(cancellationToken) > 0;
    }
}
