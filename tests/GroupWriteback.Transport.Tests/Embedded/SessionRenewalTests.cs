using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

public sealed class SessionRenewalTests
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OpenSession_WorkLongerThanLock_KeepsSessionAndMessageLock()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        var source = new EmbeddedCommandSource(queue.Store);
        await using var session = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var message = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        for (var i = 0; i < 6; i++)
        {
            queue.Time.Advance(Lock / 3);
            await queue.WaitForSessionLockAsync("g1", (queue.Time.GetUtcNow() + Lock).ToUnixTimeMilliseconds());
        }

        var other = await source.AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Null(other);
        await message!.CompleteAsync(CancellationToken.None);
        Assert.Equal(0, (await queue.Store.GetCountsAsync(QueueNames.Commands, CancellationToken.None)).InFlight);
    }

    [Fact]
    public async Task DisposeAsync_OpenSession_StopsRenewingAndReleases()
    {
        using var queue = new TemporaryQueue(o => o.LockDuration = Lock);
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);
        var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        await session!.DisposeAsync();
        queue.Time.Advance(Lock);

        Assert.Null(await queue.SessionLockedUntilAsync("g1"));
    }
}
