using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>
/// Work the Functions app runs on timers, run here in a loop once the server listens (the Graph
/// validation handshake calls back into it). A failed round is logged and the loop goes on.
/// </summary>
internal abstract partial class PeriodicWork(IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    /// <summary>The pause after a round that found nothing more to do.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; true when it should run again at once (more work is waiting).</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var again = false;
            try
            {
                again = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Like a failed timer invocation: logged, and the next round runs on schedule.
                RoundFailed(logger, GetType().Name, ex);
            }

            if (!again && !await PauseAsync(stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>Waits <see cref="Interval"/>; false when the host stops meanwhile.</summary>
    private async Task<bool> PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Interval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "{Work} failed; it runs again at its next interval")]
    private static partial void RoundFailed(ILogger logger, string work, Exception exception);
}
