using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.LocalDomain;
using GroupWriteback.Testing;
using GroupWriteback.Transport;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

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
    private readonly EmbeddedQueueAgent _queue = new();

    [Fact]
    public async Task QueueWorker_DcUnreachableForLongerThanTheDeliveryBudget_AppliesEverythingAfterItAnswers()
    {
        await using var proxy = new LoopbackProxy(TestDomain.Instance.Server, TestDomain.Instance.LdapsPort);
        var store = _queue.Store;
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
        using var worker = _queue.Worker(_scope, proxy.Port, "outage-agent");
        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(Outage);
        var refused = proxy.Refused;
        var heldCounts = await store.GetCountsAsync(QueueNames.Commands, CancellationToken.None);
        proxy.Restore();
        await _queue.WaitUntilDrainedAsync();
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
        var time = new FakeTimeProvider();
        var gate = new DirectoryAvailability(NullLogger.Instance, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(100), time);

        // Two pumps failing in the same window close the gate once: 40 ms, not 80.
        gate.ReportOutage("down");
        gate.ReportOutage("down, second pump in the same window");
        await AssertWaitEndsAfterAsync(gate, time, 40);

        // A failure after the wait ran out doubles it, once: 80 ms, not 160.
        gate.ReportOutage("still down");
        gate.ReportOutage("still down");
        await AssertWaitEndsAfterAsync(gate, time, 80);

        // Doubling stops at the longest wait: 100 ms, not 160.
        time.Advance(TimeSpan.FromMilliseconds(1));
        gate.ReportOutage("down a third time");
        await AssertWaitEndsAfterAsync(gate, time, 100);
        Assert.True(gate.IsClosed);

        // The first attempt that reaches the DC opens the gate: no wait at all.
        gate.ReportAvailable();
        Assert.False(gate.IsClosed);
        Assert.True(gate.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);

        Assert.True(DirectoryAvailability.IsOutage(new DirectoryUnavailableException("Cannot bind")));
        Assert.True(DirectoryAvailability.IsOutage(new DirectoryWriteException(Contracts.Results.FailureReason.Transient, "connection error 81")));
        Assert.False(DirectoryAvailability.IsOutage(new DirectoryWriteException(
            Contracts.Results.FailureReason.Transient, "admin limit", resultCode: System.DirectoryServices.Protocols.ResultCode.AdminLimitExceeded)));
    }

    /// <summary>
    /// A wait begun now is still running 1 ms before <paramref name="milliseconds"/> of the fake clock and ends at it; it is
    /// given 10 s of real time to end, so a longer backoff fails the test instead of hanging it.
    /// </summary>
    private static async Task AssertWaitEndsAfterAsync(DirectoryAvailability gate, FakeTimeProvider time, int milliseconds)
    {
        var wait = gate.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(milliseconds - 1));
        Assert.False(wait.IsCompleted, $"The wait ended before {milliseconds} ms.");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        _queue.Dispose();
        _scope.Dispose();
    }
}
