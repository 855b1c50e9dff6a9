using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GroupWriteback.Transport.Tests.ServiceBus;

public sealed class ServiceBusCommandSourceTests
{
    private readonly Mock<ServiceBusClient> _client = new();
    private readonly ServiceBusTransportOptions _options = new() { FullyQualifiedNamespace = "sb.example.net", CommandsQueue = "custom-commands" };

    [Fact]
    public async Task AcceptNextSessionAsync_SessionWaiting_LocksItInPeekLockWithoutPrefetch()
    {
        var receiver = new Mock<ServiceBusSessionReceiver>();
        receiver.SetupGet(r => r.SessionId).Returns("g1");
        receiver.SetupGet(r => r.SessionLockedUntil).Returns(DateTimeOffset.UtcNow.AddMinutes(2));
        _client.Setup(c => c.AcceptNextSessionAsync("custom-commands", It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>())).ReturnsAsync(receiver.Object);

        await using var session = await Source().AcceptNextSessionAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal("g1", session!.SessionId);
        _client.Verify(c => c.AcceptNextSessionAsync(
            "custom-commands",
            It.Is<ServiceBusSessionReceiverOptions>(o => o.ReceiveMode == ServiceBusReceiveMode.PeekLock && o.PrefetchCount == 0),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task AcceptNextSessionAsync_BrokerTimesOut_ReturnsNull()
    {
        _client.Setup(c => c.AcceptNextSessionAsync(It.IsAny<string>(), It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ServiceBusFakes.Error(ServiceBusFailureReason.ServiceTimeout));

        Assert.Null(await Source().AcceptNextSessionAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task AcceptNextSessionAsync_NothingWithinMaxWait_ReturnsNull()
    {
        _client.Setup(c => c.AcceptNextSessionAsync(It.IsAny<string>(), It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .Returns<string, ServiceBusSessionReceiverOptions, CancellationToken>(async (_, _, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            });

        Assert.Null(await Source().AcceptNextSessionAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    [Fact]
    public async Task AcceptNextSessionAsync_CallerCancels_Throws()
    {
        _client.Setup(c => c.AcceptNextSessionAsync(It.IsAny<string>(), It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .Returns<string, ServiceBusSessionReceiverOptions, CancellationToken>(async (_, _, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Source().AcceptNextSessionAsync(TimeSpan.FromMinutes(5), cancel.Token));
    }

    [Fact]
    public async Task AcceptNextSessionAsync_EntityMissing_Propagates()
    {
        _client.Setup(c => c.AcceptNextSessionAsync(It.IsAny<string>(), It.IsAny<ServiceBusSessionReceiverOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ServiceBusFakes.Error(ServiceBusFailureReason.MessagingEntityNotFound));

        await Assert.ThrowsAsync<ServiceBusException>(() => Source().AcceptNextSessionAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    private ServiceBusCommandSource Source() =>
        new(new ServiceBusClients(_options, _client.Object, Mock.Of<ServiceBusAdministrationClient>()), TimeProvider.System, NullLogger<ServiceBusCommandSource>.Instance);
}
