using Azure.Messaging.ServiceBus;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GroupWriteback.Transport.Tests.ServiceBus;

public sealed class ServiceBusCommandSessionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Mock<ServiceBusSessionReceiver> _receiver = new();

    public ServiceBusCommandSessionTests()
    {
        _receiver.SetupGet(r => r.SessionId).Returns("g1");
        _receiver.SetupGet(r => r.EntityPath).Returns("writeback-commands");
        _receiver.SetupGet(r => r.SessionLockedUntil).Returns(() => _time.GetUtcNow() + TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task ReceiveAsync_Message_ReturnsParsedCommand()
    {
        var command = TestMessages.Command("g1", "c1");
        _receiver.Setup(r => r.ReceiveMessageAsync(It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync(ServiceBusFakes.Received(command, deliveryCount: 3));
        await using var session = Open();

        var received = await session.ReceiveAsync(TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(command, received!.Command);
        Assert.Equal(("c1", "g1", 3), (received.MessageId, received.SessionId, received.DeliveryCount));
    }

    [Fact]
    public async Task ReceiveAsync_NothingWithinWait_ReturnsNull()
    {
        _receiver.Setup(r => r.ReceiveMessageAsync(It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync((ServiceBusReceivedMessage?)null);
        await using var session = Open();

        Assert.Null(await session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Settlement_CompleteAbandonDeadLetter_GoToTheReceiver()
    {
        var message = ServiceBusFakes.Received(TestMessages.Command("g1", "c1"));
        _receiver.Setup(r => r.ReceiveMessageAsync(It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync(message);
        await using var session = Open();
        var received = await session.ReceiveAsync(TimeSpan.FromSeconds(1), CancellationToken.None);

        await received!.CompleteAsync(CancellationToken.None);
        await received.AbandonAsync(CancellationToken.None);
        await received.DeadLetterAsync("OutsideScope", new string('x', 5000), CancellationToken.None);

        _receiver.Verify(r => r.CompleteMessageAsync(message, It.IsAny<CancellationToken>()), Times.Once);
        _receiver.Verify(r => r.AbandonMessageAsync(message, null, It.IsAny<CancellationToken>()), Times.Once);
        _receiver.Verify(
            r => r.DeadLetterMessageAsync(message, "OutsideScope", It.Is<string>(d => d.Length == ServiceBusWire.MaxDeadLetterTextLength), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Theory]
    [InlineData(ServiceBusFailureReason.MessageLockLost)]
    [InlineData(ServiceBusFailureReason.SessionLockLost)]
    public async Task CompleteAsync_LockLost_ThrowsMessageLockLost(ServiceBusFailureReason reason)
    {
        var message = ServiceBusFakes.Received(TestMessages.Command("g1", "c1"));
        _receiver.Setup(r => r.ReceiveMessageAsync(It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync(message);
        _receiver.Setup(r => r.CompleteMessageAsync(message, It.IsAny<CancellationToken>())).ThrowsAsync(ServiceBusFakes.Error(reason));
        await using var session = Open();
        var received = await session.ReceiveAsync(TimeSpan.FromSeconds(1), CancellationToken.None);

        var error = await Assert.ThrowsAsync<MessageLockLostException>(() => received!.CompleteAsync(CancellationToken.None));

        Assert.Contains("c1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_OtherBrokerError_PropagatesUnchanged()
    {
        var message = ServiceBusFakes.Received(TestMessages.Command("g1", "c1"));
        _receiver.Setup(r => r.ReceiveMessageAsync(It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync(message);
        _receiver.Setup(r => r.CompleteMessageAsync(message, It.IsAny<CancellationToken>())).ThrowsAsync(ServiceBusFakes.Error(ServiceBusFailureReason.ServiceBusy));
        await using var session = Open();
        var received = await session.ReceiveAsync(TimeSpan.FromSeconds(1), CancellationToken.None);

        await Assert.ThrowsAsync<ServiceBusException>(() => received!.CompleteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReceiveAsync_SessionLockLost_ThrowsMessageLockLost()
    {
        _receiver.Setup(r => r.ReceiveMessageAsync(It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ThrowsAsync(ServiceBusFakes.Error(ServiceBusFailureReason.SessionLockLost));
        await using var session = Open();

        await Assert.ThrowsAsync<MessageLockLostException>(() => session.ReceiveAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Fact]
    public async Task OpenSession_HalfTheLockPassed_RenewsTheSessionLock()
    {
        var renewed = new TaskCompletionSource();
        _receiver.Setup(r => r.RenewSessionLockAsync(It.IsAny<CancellationToken>())).Callback(() => renewed.TrySetResult()).Returns(Task.CompletedTask);
        await using var session = Open();

        _time.Advance(TimeSpan.FromMinutes(1));

        await renewed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _receiver.Verify(r => r.RenewSessionLockAsync(It.IsAny<CancellationToken>()), Times.AtLeastOnce);
    }

    [Fact]
    public async Task OpenSession_BeyondMaxRenewal_StopsRenewing()
    {
        await using var session = Open(maxRenewal: TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromMinutes(1));

        await session.Renewal.WaitAsync(TimeSpan.FromSeconds(10));
        _receiver.Verify(r => r.RenewSessionLockAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DisposeAsync_OpenSession_ClosesTheReceiver()
    {
        var session = Open();

        await session.DisposeAsync();
        await session.DisposeAsync();

        _receiver.Verify(r => r.DisposeAsync(), Times.Once);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.ReceiveAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private ServiceBusCommandSession Open(TimeSpan? maxRenewal = null) =>
        new(_receiver.Object, maxRenewal ?? TimeSpan.FromMinutes(30), _time, NullLogger.Instance);
}
