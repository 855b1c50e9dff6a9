using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using GroupWriteback.Transport.ServiceBus;
using Moq;

namespace GroupWriteback.Transport.Tests.ServiceBus;

/// <summary>Resubmit and discard on Service Bus: the dead-letter sub-queue received by peek-lock, over a mocked client.</summary>
public sealed class ServiceBusDeadLetterTests
{
    private readonly Mock<ServiceBusReceiver> _receiver = new();
    private readonly Mock<ServiceBusSender> _sender = new();
    private readonly Mock<ServiceBusClient> _client = new();
    private readonly List<ServiceBusMessage> _sent = [];
    private readonly List<long> _completed = [];
    private readonly List<long> _abandoned = [];

    public ServiceBusDeadLetterTests()
    {
        _client.Setup(c => c.CreateReceiver("writeback-commands", It.Is<ServiceBusReceiverOptions>(o => o.SubQueue == SubQueue.DeadLetter && o.ReceiveMode == ServiceBusReceiveMode.PeekLock)))
            .Returns(_receiver.Object);
        _client.Setup(c => c.CreateSender("writeback-commands")).Returns(_sender.Object);
        _sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusMessage m, CancellationToken _) => _sent.Add(m)).Returns(Task.CompletedTask);
        _receiver.Setup(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusReceivedMessage m, CancellationToken _) => _completed.Add(m.SequenceNumber)).Returns(Task.CompletedTask);
        _receiver.Setup(r => r.AbandonMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusReceivedMessage m, IDictionary<string, object> _, CancellationToken _) => _abandoned.Add(m.SequenceNumber)).Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task ResubmitAsync_SecondDeadLetter_SendsItsCopyCompletesItAbandonsTheOthers()
    {
        _receiver.SetupSequence(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([Dead(11, "c1"), Dead(12, "c2"), Dead(13, "c3")]);

        var resubmitted = await Reader().ResubmitAsync(QueueNames.Commands, 12, CancellationToken.None);

        Assert.True(resubmitted);
        var copy = Assert.Single(_sent);
        Assert.Equal(("c2.r12", "g1", "{\"commandId\":\"c2\"}", "deleteGroup"), (copy.MessageId, copy.SessionId, copy.Body.ToString(), copy.Subject));
        Assert.False(copy.ApplicationProperties.ContainsKey("DeadLetterReason"));
        Assert.Equal(1, copy.ApplicationProperties["wireVersion"]);
        Assert.Equal([12L], _completed);
        Assert.Equal([11L, 13L], _abandoned.Order());
    }

    [Fact]
    public async Task DiscardAsync_InALaterBatch_CompletesWithoutSending()
    {
        _receiver.SetupSequence(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([Dead(11, "c1")])
            .ReturnsAsync([Dead(12, "c2")]);

        var discarded = await Reader().DiscardAsync(QueueNames.Commands, 12, CancellationToken.None);

        Assert.True(discarded);
        Assert.Empty(_sent);
        Assert.Equal([12L], _completed);
        Assert.Equal([11L], _abandoned);
    }

    [Fact]
    public async Task DiscardAsync_NoSuchDeadLetter_FalseAndEverythingAbandoned()
    {
        _receiver.SetupSequence(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([Dead(11, "c1")])
            .ReturnsAsync([]);

        var discarded = await Reader().DiscardAsync(QueueNames.Commands, 99, CancellationToken.None);

        Assert.False(discarded);
        Assert.Empty(_completed);
        Assert.Equal([11L], _abandoned);
        _receiver.Verify(r => r.DisposeAsync(), Times.Once);
    }

    [Fact]
    public void Copy_LongMessageId_CutToTheBrokersLimit()
    {
        var copy = ServiceBusDeadLetterReader.Copy(Dead(7, new string('x', 200)));

        Assert.Equal(ServiceBusWire.MaxMessageIdLength, copy.MessageId.Length);
        Assert.EndsWith(".r7", copy.MessageId, StringComparison.Ordinal);
    }

    private ServiceBusDeadLetterReader Reader() =>
        new(new ServiceBusClients(new ServiceBusTransportOptions(), _client.Object, Mock.Of<ServiceBusAdministrationClient>()));

    private static ServiceBusReceivedMessage Dead(long sequence, string messageId) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString($"{{\"commandId\":\"{messageId}\"}}"),
            messageId: messageId,
            sessionId: "g1",
            subject: "deleteGroup",
            sequenceNumber: sequence,
            deliveryCount: 10,
            properties: new Dictionary<string, object> { ["DeadLetterReason"] = "OutsideScope", ["DeadLetterErrorDescription"] = "test", ["wireVersion"] = 1 });
}
