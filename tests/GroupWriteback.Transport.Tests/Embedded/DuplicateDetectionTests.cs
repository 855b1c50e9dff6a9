using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

public sealed class DuplicateDetectionTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task PublishAsync_SameIdWithinWindow_QueuesOnce()
    {
        using var queue = new TemporaryQueue(o => o.DuplicateDetectionWindow = Window);
        var publisher = new EmbeddedCommandPublisher(queue.Store);
        await publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);
        queue.Time.Advance(Window - TimeSpan.FromSeconds(1));

        await publisher.PublishAsync([TestMessages.Command("g1", "c1"), TestMessages.Command("g1", "c2")], CancellationToken.None);

        var counts = await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None);
        Assert.Equal(2, counts.Active);
    }

    [Fact]
    public async Task PublishAsync_SameIdAfterCompletion_StillDropped()
    {
        using var queue = new TemporaryQueue(o => o.DuplicateDetectionWindow = Window);
        var publisher = new EmbeddedCommandPublisher(queue.Store);
        await publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);
        await using (var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None))
        {
            await (await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None))!.CompleteAsync(CancellationToken.None);
        }

        await publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);

        Assert.Equal(0, (await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None)).Active);
    }

    [Fact]
    public async Task PublishAsync_SameIdAfterWindow_QueuesAgain()
    {
        using var queue = new TemporaryQueue(o => o.DuplicateDetectionWindow = Window);
        var publisher = new EmbeddedCommandPublisher(queue.Store);
        await publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);
        queue.Time.Advance(Window + TimeSpan.FromSeconds(1));

        await publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);

        Assert.Equal(2, (await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None)).Active);
    }

    [Fact]
    public async Task PublishAsync_DuplicateInsideOneBatch_QueuesFirstOnly()
    {
        using var queue = new TemporaryQueue();

        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(
            [TestMessages.Command("g1", "c1"), TestMessages.Command("g1", "c1")], CancellationToken.None);

        Assert.Equal(1, (await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None)).Active);
    }

    [Fact]
    public async Task PublishAsync_DetectionOff_QueuesEveryCopy()
    {
        using var queue = new TemporaryQueue(o => o.DuplicateDetectionWindow = TimeSpan.Zero);
        var publisher = new EmbeddedCommandPublisher(queue.Store);

        await publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);
        await publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);

        Assert.Equal(2, (await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None)).Active);
    }

    [Fact]
    public async Task PublishAsync_SameIdOnOtherQueue_NotADuplicate()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None);

        await new EmbeddedResultPublisher(queue.Store).PublishAsync(TestMessages.Result("c1"), CancellationToken.None);

        Assert.Equal(1, (await queue.Store.GetCountsAsync(QueueNames.Results, CancellationToken.None)).Active);
    }
}
