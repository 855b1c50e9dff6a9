using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Hosting;

/// <summary>
/// Sends <c>WATCHDOG=1</c> at half of the unit's <c>WatchdogSec</c> (systemd passes it as <c>WATCHDOG_USEC</c>).
/// Microsoft.Extensions.Hosting.Systemd sends READY and STOPPING but no watchdog pings, so without this a
/// unit with <c>WatchdogSec</c> would be killed every interval. The pings come from the host's thread pool:
/// a process that hangs there, or deadlocks its timers, stops pinging and is restarted.
/// </summary>
internal sealed partial class SystemdWatchdog(ISystemdNotifier notifier, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    /// <summary>The ping interval for a <c>WATCHDOG_USEC</c> value, or null when the watchdog is off.</summary>
    internal static TimeSpan? IntervalFor(string? watchdogMicroseconds) =>
        long.TryParse(watchdogMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || IntervalFor(Environment.GetEnvironmentVariable("WATCHDOG_USEC")) is not { } interval)
        {
            return;
        }

        LogWatchdog(logger, interval);
        using var timer = new PeriodicTimer(interval);
        do
        {
            notifier.Notify(Ping);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "systemd watchdog enabled; pinging every {Interval}.")]
    private static partial void LogWatchdog(ILogger logger, TimeSpan interval);
}
