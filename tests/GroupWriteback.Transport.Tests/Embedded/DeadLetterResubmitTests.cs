using GroupWriteback.Contracts;
using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

/// <summary>Resubmit and discard on the embedded queue, read back from the queue file.</summary>
public sealed class DeadLetterResubmitTests
{
    [Fact]
    public async Task ResubmitAsync_DeadCommand_DeliveredAgainFromZeroAndGoneFromTheDeadLetters()
    {
        using var queue = new TemporaryQueue();
        var dead = await DeadLetterCommandAsync(queue, "g1");

        var resubmitted = await queue.Store.ResubmitAsync(QueueNames.Commands, dead.SequenceNumber, CancellationToken.None);

        Assert.True(resubmitted);
        Assert.Empty(await queue.Open().ReadDeadLettersAsync(QueueNames.Commands, 10, CancellationToken.None));
        await using var session = await new EmbeddedCommandSource(queue.Open()).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var again = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(("g1", "g1-0", 1), (session.SessionId, again!.MessageId, again.DeliveryCount));
        Assert.Equal(dead.Body.ToArray(), WireSerializer.Serialize(again.Command!));
    }

    [Fact]
    public async Task DiscardAsync_DeadResult_RemovedAndNotDelivered()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedResultPublisher(queue.Store).PublishAsync(TestMessages.Result("c1"), CancellationToken.None);
        var received = Assert.Single(await new EmbeddedResultSource(queue.Store).ReceiveAsync(1, TimeSpan.Zero, CancellationToken.None));
        await received.DeadLetterAsync("MalformedResult", "test", CancellationToken.None);
        var dead = Assert.Single(await queue.Store.ReadDeadLettersAsync(QueueNames.Results, 10, CancellationToken.None));

        var discarded = await queue.Store.DiscardAsync(QueueNames.Results, dead.SequenceNumber, CancellationToken.None);

        Assert.True(discarded);
        Assert.Equal(new QueueCounts(QueueNames.Results, 0, 0, 0), await queue.Open().GetCountsAsync(QueueNames.Results, CancellationToken.None));
    }

    [Fact]
    public async Task ResubmitAndDiscard_NotADeadLetter_FalseAndNothingChanges()
    {
        using var queue = new TemporaryQueue();
        var dead = await DeadLetterCommandAsync(queue, "g1");
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync([TestMessages.Command("g2", "g2-0")], CancellationToken.None);

        var wrongQueue = await queue.Store.ResubmitAsync(QueueNames.Results, dead.SequenceNumber, CancellationToken.None);
        var active = await queue.Store.DiscardAsync(QueueNames.Commands, dead.SequenceNumber + 1, CancellationToken.None);
        var missing = await queue.Store.DiscardAsync(QueueNames.Commands, 9999, CancellationToken.None);

        Assert.Equal((false, false, false), (wrongQueue, active, missing));
        Assert.Equal(new QueueCounts(QueueNames.Commands, 1, 0, 1), await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None));
    }

    [Fact]
    public async Task ReadDeadLettersAsync_NamesSequenceAndEnqueuedTime()
    {
        using var queue = new TemporaryQueue();

        var dead = await DeadLetterCommandAsync(queue, "g1");

        Assert.True(dead.SequenceNumber > 0);
        Assert.Equal(queue.Time.GetUtcNow(), dead.EnqueuedAt);
    }

    private static async Task<DeadLetteredMessage> DeadLetterCommandAsync(TemporaryQueue queue, string groupId)
    {
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands(groupId, 1), CancellationToken.None);
        await using (var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None))
        {
            var message = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
            await message!.DeadLetterAsync("OutsideScope", "test", CancellationToken.None);
        }

        return Assert.Single(await queue.Store.ReadDeadLettersAsync(QueueNames.Commands, 10, CancellationToken.None));
    }
}
