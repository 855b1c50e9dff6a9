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
/// A <see cref="HeartbeatSender"/> reports on the agent meanwhile. A stop takes no new work and gives the commands in hand <see cref="AgentOptions.ShutdownTimeout"/> to finish.
/// </summary>
internal sealed class QueueWorker(
    ICommandSource source, IResultPublisher results, WritebackContextFactory contexts, CommandProcessor processor, IOptions<AgentOptions> options, ScopeGuard scope, AgentActivity activity, HeartbeatSender heartbeats, ILogger<QueueWorker> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var targets = string.Join("; ", scope.TargetOus);
        Log.Started(logger, settings.AgentId, targets);
        var availability = new DirectoryAvailability(logger);

        // Stopping ends the taking of sessions at once; the commands in hand get ShutdownTimeout, then are abandoned.
        using var aborting = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() =>
        {
            Log.Stopping(logger, settings.AgentId, settings.ShutdownTimeout);
            aborting.CancelAfter(settings.ShutdownTimeout);
        });
        var pumps = Enumerable.Range(0, settings.MaxConcurrentSessions)
            .Select(_ => Task.Run(() => new SessionPump(source, results, contexts, processor, settings, availability, logger) { Activity = activity }.RunAsync(stoppingToken, aborting.Token), CancellationToken.None));
        var counts = settings.OperationCountsFile is { Length: > 0 } path ? new OperationCountsFile(path, TimeProvider.System).RunAsync(stoppingToken) : Task.CompletedTask;
        await Task.WhenAll([.. pumps, heartbeats.RunAsync(stoppingToken), counts]);
        Log.Stopped(logger, settings.AgentId);
    }
}
