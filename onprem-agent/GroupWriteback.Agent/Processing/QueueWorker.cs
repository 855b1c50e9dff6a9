using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Consumes the command queue with <see cref="AgentOptions.MaxConcurrentSessions"/> <see cref="SessionPump"/>s, each
/// holding one group's session at a time, so a slow group does not hold up the others and order within a group is kept. The pumps share one
/// <see cref="DirectoryAvailability"/> gate: while the DC is unreachable the whole agent backs off.
/// </summary>
public sealed class QueueWorker(
    ICommandSource source, IResultPublisher results, WritebackContextFactory contexts, CommandProcessor processor, IOptions<AgentOptions> options, ScopeGuard scope, ILogger<QueueWorker> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var targets = string.Join("; ", scope.TargetOus);
        Log.Started(logger, settings.AgentId, targets);
        var availability = new DirectoryAvailability(logger);
        return Task.WhenAll(Enumerable.Range(0, settings.MaxConcurrentSessions)
            .Select(_ => Task.Run(() => new SessionPump(source, results, contexts, processor, settings, availability, logger).RunAsync(stoppingToken), stoppingToken)));
    }
}
