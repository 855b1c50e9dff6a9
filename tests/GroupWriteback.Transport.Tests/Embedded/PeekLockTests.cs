using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

public sealed class PeekLockTests
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CompleteAsync_ReceivedCommand_RemovesIt()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);
        await using (var session = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None))
        {
            var message = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
            await message!.CompleteAsync(CancellationToken.None);
        }

        var counts = await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None);
        var next = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new QueueCounts(QueueNames.Commands, 0, 0, 0), counts);
        Assert.Null(next);
    }

    [Fact]
    public async Task GetCountsAsync_MessageLocked_CountsItInFlight()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 3), CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        var counts = await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None);

        Assert.Equal(new QueueCounts(QueueNames.Commands, 2, 1, 0), counts);
    }

    [Fact]
    public async Task AbandonAsync_ReceivedCommand_DeliveredAgainWithHigherCount()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var first = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        await first!.AbandonAsync(CancellationToken.None);
        var again = await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1-0", again!.MessageId);
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task CompleteAsync_LockExpiredAndSessionTakenOver_ThrowsLockLost()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);
        var stale = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var message = await stale!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        queue.Time.Advance(Lock + TimeSpan.FromMilliseconds(1));
        await using var taker = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        await Assert.ThrowsAsync<MessageLockLostException>(() => message!.CompleteAsync(CancellationToken.None));
        var redelivered = await taker!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Equal("g1-0", redelivered!.MessageId);
        Assert.Equal(2, redelivered.DeliveryCount);
    }

    [Fact]
    public async Task ReceiveAsync_SessionLockExpired_ThrowsLockLost()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        queue.Time.Advance(Lock + TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<MessageLockLostException>(() => session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task ReceiveAsync_ActivityWithinLock_KeepsSessionFromOthers()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 3), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);
        await using var owner = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            queue.Time.Advance(TimeSpan.FromSeconds(20));
            var message = await owner!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
            queue.Time.Advance(TimeSpan.FromSeconds(20));
            await message!.CompleteAsync(CancellationToken.None);
        }

        var other = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Null(other);
    }

    [Fact]
    public async Task ReceiveAsync_ResultLockExpired_RedeliversWithHigherCount()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedResultPublisher(queue.Store).PublishAsync(TestMessages.Result("c1"), CancellationToken.None);
        var source = new EmbeddedResultSource(queue.Store);
        var first = await source.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);
        var whileLocked = await source.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);
        queue.Time.Advance(Lock + TimeSpan.FromMilliseconds(1));

        var again = await source.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);

        Assert.Empty(whileLocked);
        Assert.Equal(2, Assert.Single(again).DeliveryCount);
        await Assert.ThrowsAsync<MessageLockLostException>(() => first[0].CompleteAsync(CancellationToken.None));
        await again[0].CompleteAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ReceiveAsync_WaitsForMessage_ReturnsItWhenPublished()
    {
        using var queue = new TemporaryQueue();
        var live = queue.Open(TimeProvider.System);
        var source = new EmbeddedResultSource(live);

        var receive = source.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None);
        await new EmbeddedResultPublisher(live).PublishAsync(TestMessages.Result("late"), CancellationToken.None);
        var received = await receive;

        Assert.Equal("late", Assert.Single(received).MessageId);
    }

    [Fact]
    public async Task ReceiveAsync_Cancelled_Throws()
    {
        using var queue = new TemporaryQueue();
        var source = new EmbeddedResultSource(queue.Open(TimeProvider.System));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.ReceiveAsync(1, TimeSpan.FromSeconds(30), cancel.Token));
    }
}
