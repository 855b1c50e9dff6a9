using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Time.Testing;

namespace GroupWriteback.Transport.Tests.Embedded;

/// <summary>A consumer that disappears mid-message loses nothing: the message comes back after the lock expires.</summary>
public sealed class CrashSafetyTests
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AcceptNextSessionAsync_ConsumerVanishedMidMessage_RedeliversAfterLockExpiry()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);

        // The first process stops for good while holding the session and its head message.
        var vanished = queue.Open(new FakeTimeProvider(queue.Time.GetUtcNow()));
        var abandoned = await new EmbeddedCommandSource(vanished).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Equal("g1-0", (await abandoned!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None))!.MessageId);
        vanished.Dispose();

        var survivor = new EmbeddedCommandSource(queue.Store);
        var beforeExpiry = await survivor.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        queue.Time.Advance(Lock + TimeSpan.FromMilliseconds(1));
        await using var afterExpiry = await survivor.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var redelivered = await afterExpiry!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Null(beforeExpiry);
        Assert.Equal(("g1-0", 2), (redelivered!.MessageId, redelivered.DeliveryCount));
    }

    [Fact]
    public async Task CompleteAsync_ZombieAfterTakeOver_ThrowsAndNewOwnerKeepsOrder()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);
        var zombieStore = queue.Open(new FakeTimeProvider(queue.Time.GetUtcNow()));
        var zombie = await new EmbeddedCommandSource(zombieStore).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var zombieMessage = await zombie!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        queue.Time.Advance(Lock + TimeSpan.FromMilliseconds(1));
        await using var owner = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var head = await owner!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        // The zombie's clock still says its lock is valid; the file says otherwise.
        await Assert.ThrowsAsync<MessageLockLostException>(() => zombieMessage!.CompleteAsync(CancellationToken.None));
        await zombie.DisposeAsync();
        await head!.CompleteAsync(CancellationToken.None);
        var next = await owner.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1-0", head.MessageId);
        Assert.Equal("g1-1", next!.MessageId);
    }
}
