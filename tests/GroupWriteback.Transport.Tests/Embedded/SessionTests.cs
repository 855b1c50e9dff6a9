using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

public sealed class SessionTests
{
    [Fact]
    public async Task ReceiveAsync_SessionWithSeveralCommands_DeliversInPublishOrder()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 5), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);

        await using var session = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var received = new List<string>();
        while (await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None) is { } message)
        {
            received.Add(message.MessageId);
            await message.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(["g1-0", "g1-1", "g1-2", "g1-3", "g1-4"], received);
    }

    [Fact]
    public async Task ReceiveAsync_HeadInFlight_DeliversTheNextInOrderToTheSessionsOwner()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        var first = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        var second = await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        var third = await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1-0", first!.MessageId);
        Assert.Equal("g1-1", second!.MessageId);
        Assert.Null(third);
    }

    [Fact]
    public async Task ReceiveAsync_HeadAbandonedWhileTheNextIsInFlight_DeliversTheHeadAgainFirst()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 3), CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var first = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        var second = await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        await first!.AbandonAsync(CancellationToken.None);
        var again = await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        await second!.CompleteAsync(CancellationToken.None);
        var next = await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(("g1-0", 2), (again!.MessageId, again.DeliveryCount));
        Assert.Equal("g1-2", next!.MessageId);
    }

    [Fact]
    public async Task AcceptNextSessionAsync_SessionLocked_SecondConsumerGetsAnotherSession()
    {
        using var queue = new TemporaryQueue();
        var publisher = new EmbeddedCommandPublisher(queue.Store);
        await publisher.PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);
        await publisher.PublishAsync(TestMessages.Commands("g2", 2), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);

        await using var first = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        await using var second = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        await using var third = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1", first!.SessionId);
        Assert.Equal("g2", second!.SessionId);
        Assert.Null(third);
    }

    [Fact]
    public async Task AcceptNextSessionAsync_OnlySessionLockedByOtherStore_ReturnsNull()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 3), CancellationToken.None);
        await using var owner = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        var other = await new EmbeddedCommandSource(queue.Open()).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.NotNull(owner);
        Assert.Null(other);
    }

    [Fact]
    public async Task DisposeAsync_SessionReleased_NextConsumerGetsRemainingMessages()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);
        await using (var session = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None))
        {
            var message = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
            await message!.CompleteAsync(CancellationToken.None);
        }

        await using var next = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var remaining = await next!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1-1", remaining!.MessageId);
        Assert.Equal(1, remaining.DeliveryCount);
    }

    [Fact]
    public async Task DisposeAsync_MessageInFlight_MessageDeliveredAgainToNextConsumer()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);
        await using (var session = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None))
        {
            Assert.NotNull(await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None));
        }

        await using var next = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var again = await next!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1-0", again!.MessageId);
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task AcceptNextSessionAsync_SeveralSessions_OldestHeadFirst()
    {
        using var queue = new TemporaryQueue();
        var publisher = new EmbeddedCommandPublisher(queue.Store);
        await publisher.PublishAsync(TestMessages.Commands("b", 1), CancellationToken.None);
        await publisher.PublishAsync(TestMessages.Commands("a", 1), CancellationToken.None);

        await using var first = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("b", first!.SessionId);
    }

    [Fact]
    public async Task ReceiveAsync_SessionDisposed_Throws()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        await session!.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
