using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Transport;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>The agent's queue worker over an embedded queue in a temporary folder, writing into a <see cref="WriterScope"/>.</summary>
internal sealed class EmbeddedQueueAgent : IDisposable
{
    private readonly string _queueDirectory = System.IO.Directory.CreateTempSubdirectory("gw-queue-").FullName;

    public EmbeddedQueueAgent() =>
        Store = new EmbeddedQueueStore(
            Options.Create(new EmbeddedQueueOptions { Path = Path.Combine(_queueDirectory, "queue.db"), PollInterval = TimeSpan.FromMilliseconds(20) }),
            TimeProvider.System);

    public EmbeddedQueueStore Store { get; }

    /// <summary>A worker binding to the DC through <paramref name="port"/> (a proxy's, or the DC's own).</summary>
    public QueueWorker Worker(WriterScope scope, int port, string agentId)
    {
        var directory = AgentDirectory.Options([scope.Ou, scope.OtherOu]);
        directory.Port = port;
        var connections = new DirectoryConnectionFactory(Options.Create(directory));
        var guard = new ScopeGuard(directory.TargetOus);
        var contexts = new WritebackContextFactory(connections, Options.Create(directory), guard);
        var processor = new CommandProcessor(
            new SnapshotStore(scope.StateDirectory), new PermissionGranter(connections, NullLogger<PermissionGranter>.Instance), agentId, NullLogger<CommandProcessor>.Instance);
        var agent = new AgentOptions { AgentId = agentId, MaxAttempts = 3, MaxConcurrentSessions = 4, SessionWait = TimeSpan.FromMilliseconds(500) };
        var results = new EmbeddedResultPublisher(Store);
        var activity = new AgentActivity(TimeProvider.System);
        var heartbeats = new HeartbeatSender(results, activity, Options.Create(agent), TimeProvider.System, NullLogger<HeartbeatSender>.Instance);
        return new QueueWorker(
            new EmbeddedCommandSource(Store), results, contexts, processor, Options.Create(agent), guard, activity, heartbeats, NullLogger<QueueWorker>.Instance);
    }

    /// <summary>Waits until no command is queued or in flight (two minutes at most).</summary>
    public async Task WaitUntilDrainedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await Store.GetCountsAsync(QueueNames.Commands, timeout.Token) is { Active: > 0 } or { InFlight: > 0 })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        System.IO.Directory.Delete(_queueDirectory, recursive: true);
    }
}
