using System.Reflection;
using GroupWriteback.Agent.Configuration;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Sends an <see cref="AgentHeartbeatReport"/> on the results queue at start and every
/// <see cref="AgentOptions.HeartbeatInterval"/>, so the cloud can list each agent and tell a silent one.
/// A failed send is logged and the next one tried on time: a heartbeat is never worth stopping for.
/// </summary>
internal sealed class HeartbeatSender(IResultPublisher results, AgentActivity activity, IOptions<AgentOptions> options, TimeProvider time, ILogger<HeartbeatSender> logger)
{
    private static readonly string Version =
        typeof(HeartbeatSender).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The heartbeat as it would be sent now.</summary>
    public WritebackResult Current()
    {
        var error = activity.LastError;
        return new AgentHeartbeatReport
        {
            Host = Environment.MachineName,
            AgentVersion = Version,
            OpenSessions = activity.OpenSessions,
            InFlightCommands = activity.InFlightCommands,
            LastError = error?.Message,
            LastErrorAt = error?.At,
        }.ToResult(options.Value.AgentId, time.GetUtcNow());
    }

    /// <summary>Sends heartbeats until <paramref name="stoppingToken"/>.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        do
        {
            await SendAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await results.PublishAsync(Current(), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.HeartbeatFailed(logger, ex.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the cloud will see the agent silent, which is the truth.
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
