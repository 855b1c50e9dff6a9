using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

public sealed class DeadLetterTests
{
    [Fact]
    public async Task DeadLetterAsync_WithReason_StoresReasonAndDescription()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var message = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        await message!.DeadLetterAsync("OutsideScope", "Group g1: CN=x is outside the target OUs", CancellationToken.None);

        var dead = Assert.Single(await queue.Store.ReadDeadLettersAsync(QueueNames.Commands, 10, CancellationToken.None));
        Assert.Equal(("g1-0", "g1", "OutsideScope", "Group g1: CN=x is outside the target OUs", 1), (dead.MessageId, dead.SessionId, dead.Reason, dead.Description, dead.DeliveryCount));
        var next = await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Equal("g1-1", next!.MessageId);
    }

    [Fact]
    public async Task AbandonAsync_LastDelivery_MovesToDeadLetter()
    {
        using var queue = new TemporaryQueue(o => o.MaxDeliveryCount = 3);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            var message = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
            await message!.AbandonAsync(CancellationToken.None);
        }

        var after = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        var dead = Assert.Single(await queue.Store.ReadDeadLettersAsync(QueueNames.Commands, 10, CancellationToken.None));

        Assert.Null(after);
        Assert.Equal((DeadLetterReasons.MaxDeliveryCountExceeded, 3), (dead.Reason, dead.DeliveryCount));
    }

    [Fact]
    public async Task AcceptNextSessionAsync_LockExpiredOnLastDelivery_DeadLettersAndDeliversNext()
    {
        var lockDuration = TimeSpan.FromSeconds(10);
        using var queue = new TemporaryQueue(o =>
        {
            o.MaxDeliveryCount = 2;
            o.LockDuration = lockDuration;
        });
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);
        for (var i = 0; i < 2; i++)
        {
            // A consumer that takes the head and never settles it.
            var session = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
            Assert.Equal("g1-0", (await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None))!.MessageId);
            queue.Time.Advance(lockDuration + TimeSpan.FromMilliseconds(1));
        }

        await using var last = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var next = await last!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1-1", next!.MessageId);
        var dead = Assert.Single(await queue.Store.ReadDeadLettersAsync(QueueNames.Commands, 10, CancellationToken.None));
        Assert.Equal(("g1-0", DeadLetterReasons.MaxDeliveryCountExceeded), (dead.MessageId, dead.Reason));
    }

    [Fact]
    public async Task ReceiveAsync_ResultOverMaxDeliveries_DeadLettered()
    {
        using var queue = new TemporaryQueue(o => o.MaxDeliveryCount = 1);
        await new EmbeddedResultPublisher(queue.Store).PublishAsync(TestMessages.Result("c1"), CancellationToken.None);
        await new EmbeddedResultPublisher(queue.Store).PublishAsync(TestMessages.Result("c2"), CancellationToken.None);
        var source = new EmbeddedResultSource(queue.Store);
        var first = await source.ReceiveAsync(1, TimeSpan.Zero, CancellationToken.None);

        await first[0].AbandonAsync(CancellationToken.None);
        var next = await source.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("c2", Assert.Single(next).MessageId);
        var counts = await queue.Store.GetCountsAsync(QueueNames.Results, CancellationToken.None);
        Assert.Equal(new QueueCounts(QueueNames.Results, 0, 1, 1), counts);
    }

    [Fact]
    public async Task ReadDeadLettersAsync_MoreThanMax_ReturnsOldestUpToMax()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedResultPublisher(queue.Store).PublishAsync(TestMessages.Result("c1"), CancellationToken.None);
        await new EmbeddedResultPublisher(queue.Store).PublishAsync(TestMessages.Result("c2"), CancellationToken.None);
        foreach (var message in await new EmbeddedResultSource(queue.Store).ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None))
        {
            await message.DeadLetterAsync("Test", "dead", CancellationToken.None);
        }

        var dead = await queue.Store.ReadDeadLettersAsync(QueueNames.Results, 1, CancellationToken.None);

        Assert.Equal("c1", Assert.Single(dead).MessageId);
        Assert.Null(dead[0].SessionId);
    }
}
