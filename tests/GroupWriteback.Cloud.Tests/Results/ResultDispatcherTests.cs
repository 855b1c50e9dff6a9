using System.Text;
using GroupWriteback.Cloud.Results;
using GroupWriteback.Cloud.Tests.Workflows;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.Contracts.Results;
using GroupWriteback.Transport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GroupWriteback.Cloud.Tests.Results;

/// <summary>Settlement decisions of the results path; delivery itself is proven by the workflow tests.</summary>
public sealed class ResultDispatcherTests
{
    private const string ReplyTo = "group-g1";
    private readonly InMemoryResultQueue _queue = new();
    private readonly Mock<DurableTaskClient> _client = new("test");

    [Fact]
    public async Task DrainOnceAsync_ResultForRunningOrchestration_RaisesEventAndCompletes()
    {
        // Arrange
        var result = Result();
        _client.Setup(c => c.GetInstanceAsync(ReplyTo, false, It.IsAny<CancellationToken>())).ReturnsAsync(new OrchestrationMetadata("x", ReplyTo));
        _queue.Send(result);

        // Act
        var summary = await Dispatcher().DrainOnceAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.Equal(new ResultDrainSummary { Received = 1, Delivered = 1 }, summary);
        _client.Verify(c => c.RaiseEventAsync(ReplyTo, EventNames.CommandResult, It.Is<WritebackResult>(r => r.CommandId == result.CommandId), It.IsAny<CancellationToken>()));
        Assert.Single(_queue.Completed);
    }

    [Fact]
    public async Task DrainOnceAsync_MalformedBody_DeadLettersWithTheParseError()
    {
        // Arrange
        _queue.SendBody(Encoding.UTF8.GetBytes("{\"commandId\": 42"));

        // Act
        var summary = await Dispatcher().DrainOnceAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.Equal(1, summary.DeadLettered);
        var (_, reason, description) = Assert.Single(_queue.DeadLettered);
        Assert.Equal(ResultDispatcher.MalformedResult, reason);
        Assert.Contains("not valid wire JSON", description, StringComparison.Ordinal);
        Assert.Empty(_client.Invocations);
    }

    [Fact]
    public async Task DrainOnceAsync_ResultWithoutReplyTo_DeadLettersNamingTheGroup()
    {
        // Arrange
        _queue.Send(Result() with { ReplyTo = null });

        // Act
        await Dispatcher().DrainOnceAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        var (_, reason, description) = Assert.Single(_queue.DeadLettered);
        Assert.Equal(ResultDispatcher.UnroutableResult, reason);
        Assert.Contains("group g1", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainOnceAsync_AgentHeartbeat_CompletesWithoutRaisingOrDeadLettering()
    {
        // Arrange
        _queue.Send(new AgentHeartbeatReport { Host = "DC01", AgentVersion = "1.0.0" }.ToResult("agent-a", DateTimeOffset.UtcNow));

        // Act
        var summary = await Dispatcher().DrainOnceAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.Equal(new ResultDrainSummary { Received = 1, Heartbeats = 1 }, summary);
        Assert.Single(_queue.Completed);
        Assert.Empty(_queue.DeadLettered);
        Assert.Empty(_client.Invocations);
    }

    [Fact]
    public async Task DrainOnceAsync_OrchestrationGone_CompletesWithoutRaising()
    {
        // Arrange
        _client.Setup(c => c.GetInstanceAsync(ReplyTo, false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        _queue.Send(Result());

        // Act
        var summary = await Dispatcher().DrainOnceAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.Equal(1, summary.Orphaned);
        Assert.Single(_queue.Completed);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DrainOnceAsync_TaskHubUnreachable_AbandonsForRedelivery()
    {
        // Arrange
        _client.Setup(c => c.GetInstanceAsync(ReplyTo, false, It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("connection refused"));
        _queue.Send(Result());

        // Act
        var first = await Dispatcher().DrainOnceAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);
        var second = await Dispatcher().DrainOnceAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.Equal((1, 1), (first.Abandoned, second.Abandoned));
        Assert.Equal(2, _queue.Abandoned.Count);
        Assert.Empty(_queue.Completed);
    }

    [Fact]
    public async Task DispatchAsync_LockLostAfterRaising_CountsAsDelivered()
    {
        // Arrange
        _client.Setup(c => c.GetInstanceAsync(ReplyTo, false, It.IsAny<CancellationToken>())).ReturnsAsync(new OrchestrationMetadata("x", ReplyTo));
        var message = new LockLostResult { MessageId = "m1", DeliveryCount = 1, Result = Result() };

        // Act
        var disposition = await Dispatcher().DispatchAsync(message, CancellationToken.None);

        // Assert
        Assert.Equal(ResultDisposition.Delivered, disposition);
        _client.Verify(c => c.RaiseEventAsync(ReplyTo, EventNames.CommandResult, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static WritebackResult Result() => new()
    {
        CommandId = "c1",
        CommandKind = "upsertGroup",
        GroupId = "g1",
        ReplyTo = ReplyTo,
        Outcome = ResultOutcome.Applied,
    };

    private ResultDispatcher Dispatcher() => new(_queue, _client.Object, NullLogger<ResultDispatcher>.Instance);

    private sealed class LockLostResult : ReceivedResult
    {
        public override Task CompleteAsync(CancellationToken cancellationToken) => throw new MessageLockLostException();

        public override Task AbandonAsync(CancellationToken cancellationToken) => throw new MessageLockLostException();

        public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) => throw new MessageLockLostException();
    }
}
