using System.Collections.Concurrent;
using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

/// <summary>Two stores on one file, as two processes hold them: every operation runs on its own connection and transaction.</summary>
public sealed class SharedFileTests
{
    [Fact]
    public async Task PublishAsync_OnOneStore_ReceivedThroughTheOther()
    {
        using var queue = new TemporaryQueue();
        var cloud = queue.Store;
        var agent = queue.Open();
        await new EmbeddedCommandPublisher(cloud).PublishAsync(TestMessages.Commands("g1", 1), CancellationToken.None);

        await using var session = await new EmbeddedCommandSource(agent).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);
        var command = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);
        await new EmbeddedResultPublisher(agent).PublishAsync(TestMessages.Result(command!.MessageId), CancellationToken.None);
        await command.CompleteAsync(CancellationToken.None);
        var results = await new EmbeddedResultSource(cloud).ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("g1-0", Assert.Single(results).Result!.CommandId);
    }

    [Fact]
    public async Task Consumers_TwoStoresInParallel_EachSessionOnceAtATimeAndInOrder()
    {
        const int Sessions = 12;
        const int PerSession = 6;
        using var queue = new TemporaryQueue();
        var publisher = new EmbeddedCommandPublisher(queue.Open(TimeProvider.System));
        for (var s = 0; s < Sessions; s++)
        {
            await publisher.PublishAsync(TestMessages.Commands($"g{s}", PerSession), CancellationToken.None);
        }

        var held = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var delivered = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        async Task ConsumeAsync(EmbeddedQueueStore store, int consumer)
        {
            var source = new EmbeddedCommandSource(store);
            while (await source.AcceptNextSessionAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None) is { } session)
            {
                if (!held.TryAdd(session.SessionId, consumer))
                {
                    Interlocked.Increment(ref overlaps);
                }

                while (await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None) is { } message)
                {
                    delivered.GetOrAdd(session.SessionId, _ => new()).Enqueue(message.MessageId);
                    await message.CompleteAsync(CancellationToken.None);
                }

                // Leave the book before the lock is released, so the next holder never sees a stale entry.
                held.TryRemove(session.SessionId, out _);
                await session.DisposeAsync();
            }
        }

        await Task.WhenAll(
            Task.Run(() => ConsumeAsync(queue.Open(TimeProvider.System), 1)),
            Task.Run(() => ConsumeAsync(queue.Open(TimeProvider.System), 2)));

        Assert.Equal(0, overlaps);
        Assert.Equal(Sessions, delivered.Count);
        foreach (var (sessionId, ids) in delivered)
        {
            Assert.Equal(Enumerable.Range(0, PerSession).Select(i => $"{sessionId}-{i}"), ids);
        }
    }

    [Fact]
    public async Task ReceiveAsync_TwoStoresDrainResults_EachResultOnce()
    {
        using var queue = new TemporaryQueue();
        var publisher = new EmbeddedResultPublisher(queue.Open(TimeProvider.System));
        for (var i = 0; i < 40; i++)
        {
            await publisher.PublishAsync(TestMessages.Result($"c{i}"), CancellationToken.None);
        }

        var seen = new ConcurrentBag<string>();
        async Task DrainAsync(EmbeddedQueueStore store)
        {
            var source = new EmbeddedResultSource(store);
            while ((await source.ReceiveAsync(3, TimeSpan.Zero, CancellationToken.None)) is { Count: > 0 } batch)
            {
                foreach (var result in batch)
                {
                    seen.Add(result.MessageId);
                    await result.CompleteAsync(CancellationToken.None);
                }
            }
        }

        await Task.WhenAll(
            Task.Run(() => DrainAsync(queue.Open(TimeProvider.System))),
            Task.Run(() => DrainAsync(queue.Open(TimeProvider.System))));

        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
    }
}
