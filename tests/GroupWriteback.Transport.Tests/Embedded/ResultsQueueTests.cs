using System.Text;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport.Embedded;

namespace GroupWriteback.Transport.Tests.Embedded;

public sealed class ResultsQueueTests
{
    [Fact]
    public async Task ReceiveAsync_SeveralResults_ReturnsUpToMaxInPublishOrder()
    {
        using var queue = new TemporaryQueue();
        var publisher = new EmbeddedResultPublisher(queue.Store);
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            await publisher.PublishAsync(TestMessages.Result(id), CancellationToken.None);
        }

        var source = new EmbeddedResultSource(queue.Store);
        var first = await source.ReceiveAsync(2, TimeSpan.Zero, CancellationToken.None);
        var second = await source.ReceiveAsync(2, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(["c1", "c2"], first.Select(r => r.MessageId));
        Assert.Equal("c3", Assert.Single(second).MessageId);
    }

    [Fact]
    public async Task ReceiveAsync_PublishedResult_RoundTripsTheRecord()
    {
        using var queue = new TemporaryQueue();
        var sent = TestMessages.Result("c1") with
        {
            Outcome = ResultOutcome.Failed,
            Reason = FailureReason.OutsideScope,
            Message = "Group g: outside scope",
            ReplyTo = "group-g",
            DistinguishedName = "CN=g,OU=Groups,DC=corp,DC=test",
        };
        await new EmbeddedResultPublisher(queue.Store).PublishAsync(sent, CancellationToken.None);

        var received = Assert.Single(await new EmbeddedResultSource(queue.Store).ReceiveAsync(1, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(sent with { SkippedMembers = received.Result!.SkippedMembers }, received.Result);
        Assert.Null(received.FormatError);
        Assert.Equal(1, received.DeliveryCount);
    }

    [Fact]
    public async Task ReceiveAsync_MalformedBody_ReturnsFormatError()
    {
        using var queue = new TemporaryQueue();
        await queue.Store.SendAsync(QueueNames.Results, [new OutgoingMessage("bad", null, "x", Encoding.UTF8.GetBytes("{not json"))], CancellationToken.None);

        var received = Assert.Single(await new EmbeddedResultSource(queue.Store).ReceiveAsync(1, TimeSpan.Zero, CancellationToken.None));

        Assert.Null(received.Result);
        Assert.Contains("not valid wire JSON", received.FormatError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_MalformedCommand_ReturnsFormatErrorWithSession()
    {
        using var queue = new TemporaryQueue();
        await queue.Store.SendAsync(QueueNames.Commands, [new OutgoingMessage("bad", "g1", "x", Encoding.UTF8.GetBytes("{\"kind\":\"launchRockets\"}"))], CancellationToken.None);
        await using var session = await new EmbeddedCommandSource(queue.Store).AcceptNextSessionAsync(TimeSpan.Zero, CancellationToken.None);

        var received = await session!.ReceiveAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Null(received!.Command);
        Assert.Equal(("bad", "g1"), (received.MessageId, received.SessionId));
        Assert.NotNull(received.FormatError);
    }

    [Fact]
    public async Task ReceiveAsync_ZeroMax_Throws()
    {
        using var queue = new TemporaryQueue();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new EmbeddedResultSource(queue.Store).ReceiveAsync(0, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task ReceiveAsync_CommandsQueued_ResultsQueueStaysEmpty()
    {
        using var queue = new TemporaryQueue();
        await new EmbeddedCommandPublisher(queue.Store).PublishAsync(TestMessages.Commands("g1", 2), CancellationToken.None);

        var received = await new EmbeddedResultSource(queue.Store).ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);

        Assert.Empty(received);
    }
}
