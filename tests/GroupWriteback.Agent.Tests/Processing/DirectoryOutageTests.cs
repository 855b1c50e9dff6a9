using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Testing;
using GroupWriteback.Transport;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Tests.Processing;

/// <summary>
/// The DC becomes unreachable (a loopback proxy in front of it is cut; the DC itself keeps running) while a queue of
/// changes waits: the agent backs off as a whole, spends no delivery on the outage, and once the proxy pipes again
/// every change is in AD with no dead letter and no manual step.
/// </summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class DirectoryOutageTests : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(25);
    private readonly WriterScope _scope = new("outage");
    private readonly string _queueDirectory = System.IO.Directory.CreateTempSubdirectory("gw-outage-").FullName;

    [Fact]
    public async Task QueueWorker_DcUnreachableForLongerThanTheDeliveryBudget_AppliesEverythingAfterItAnswers()
    {
        await using var proxy = new LoopbackProxy(TestDomain.Instance.Server, TestDomain.Instance.LdapsPort);
        using var store = new EmbeddedQueueStore(
            Options.Create(new EmbeddedQueueOptions { Path = Path.Combine(_queueDirectory, "queue.db"), PollInterval = TimeSpan.FromMilliseconds(20) }),
            TimeProvider.System);
        var users = TestDomain.Instance.SharedUsers(2);
        var groups = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid().ToString()).ToList();
        var commands = new List<WritebackCommand>();
        foreach (var groupId in groups)
        {
            commands.Add(_scope.Upsert(groupId, "Before Outage " + groupId[..8]));
            commands.Add(WriterScope.Change(groupId, add: [WriterScope.Member(users[0])]));
            commands.Add(_scope.Upsert(groupId, "Renamed " + groupId[..8]));
            commands.Add(WriterScope.Change(groupId, add: [WriterScope.Member(users[1])]));
        }

        proxy.Cut();
        await new EmbeddedCommandPublisher(store).PublishAsync(commands, CancellationToken.None);
        using var worker = Worker(store, proxy.Port);
        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(Outage);
        var refused = proxy.Refused;
        var heldCounts = await store.GetCountsAsync(QueueNames.Commands, CancellationToken.None);
        proxy.Restore();
        await WaitUntilDrainedAsync(store);
        await worker.StopAsync(CancellationToken.None);

        Assert.True(refused > 0, "the agent did not try the DC during the outage");
        Assert.Equal(0, heldCounts.DeadLettered);
        var counts = await store.GetCountsAsync(QueueNames.Commands, CancellationToken.None);
        Assert.Equal((0L, 0L, 0L), (counts.Active, counts.InFlight, counts.DeadLettered));
        foreach (var groupId in groups)
        {
            var entry = WriterScope.ReadGroup(groupId, "displayName");
            Assert.Equal("Renamed " + groupId[..8], WriterScope.Values(entry, "displayName")[0]);
            Assert.Equal([users[0].Dn, users[1].Dn], _scope.Members(groupId).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DirectoryAvailability_RepeatedOutages_DoublesOncePerWindowAndOpensOnSuccess()
    {
        var gate = new DirectoryAvailability(NullLogger.Instance, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(100));

        gate.ReportOutage("down");
        gate.ReportOutage("down, second pump in the same window");
        var first = System.Diagnostics.Stopwatch.StartNew();
        await gate.WaitAsync(CancellationToken.None);
        first.Stop();
        gate.ReportOutage("still down");
        gate.ReportOutage("still down");
        var second = System.Diagnostics.Stopwatch.StartNew();
        await gate.WaitAsync(CancellationToken.None);
        second.Stop();
        Assert.True(gate.IsClosed);
        gate.ReportAvailable();
        var open = System.Diagnostics.Stopwatch.StartNew();
        await gate.WaitAsync(CancellationToken.None);

        Assert.InRange(first.ElapsedMilliseconds, 30, 75);
        Assert.InRange(second.ElapsedMilliseconds, 70, 160);
        Assert.False(gate.IsClosed);
        Assert.True(open.ElapsedMilliseconds < 20);
        Assert.True(DirectoryAvailability.IsOutage(new DirectoryUnavailableException("Cannot bind")));
        Assert.True(DirectoryAvailability.IsOutage(new DirectoryWriteException(Contracts.Results.FailureReason.Transient, "connection error 81")));
        Assert.False(DirectoryAvailability.IsOutage(new DirectoryWriteException(
            Contracts.Results.FailureReason.Transient, "admin limit", resultCode: System.DirectoryServices.Protocols.ResultCode.AdminLimitExceeded)));
    }

    private QueueWorker Worker(EmbeddedQueueStore store, int port)
    {
        var directory = AgentDirectory.Options([_scope.Ou, _scope.OtherOu]);
        directory.Port = port;
        var connections = new DirectoryConnectionFactory(Options.Create(directory));
        var guard = new ScopeGuard(directory.TargetOus);
        var contexts = new WritebackContextFactory(connections, Options.Create(directory), guard);
        var processor = new CommandProcessor(
            new SnapshotStore(_scope.StateDirectory), new PermissionGranter(connections, NullLogger<PermissionGranter>.Instance), "outage-agent", NullLogger<CommandProcessor>.Instance);
        var agent = new AgentOptions { AgentId = "outage-agent", MaxAttempts = 3, MaxConcurrentSessions = 4, SessionWait = TimeSpan.FromMilliseconds(500) };
        var results = new EmbeddedResultPublisher(store);
        var activity = new AgentActivity(TimeProvider.System);
        var heartbeats = new HeartbeatSender(results, activity, Options.Create(agent), TimeProvider.System, NullLogger<HeartbeatSender>.Instance);
        return new QueueWorker(
            new EmbeddedCommandSource(store), results, contexts, processor, Options.Create(agent), guard, activity, heartbeats, NullLogger<QueueWorker>.Instance);
    }

    private static async Task WaitUntilDrainedAsync(EmbeddedQueueStore store)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await store.GetCountsAsync(QueueNames.Commands, timeout.Token) is { Active: > 0 } or { InFlight: > 0 })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    public void Dispose()
    {
        _scope.Dispose();
        System.IO.Directory.Delete(_queueDirectory, recursive: true);
    }
}
