using Azure;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using GroupWriteback.Contracts;
using GroupWriteback.Transport.ServiceBus;
using Moq;

namespace GroupWriteback.Transport.Tests.ServiceBus;

public sealed class ServiceBusResultsTests
{
    [Fact]
    public async Task PublishAsync_Result_SendsWithCommandIdAndNoSession()
    {
        ServiceBusMessage? sent = null;
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((m, _) => sent = m)
            .Returns(Task.CompletedTask);
        var result = TestMessages.Result("c1");

        await new ServiceBusResultPublisher(sender.Object).PublishAsync(result, CancellationToken.None);

        Assert.Equal(("c1", null, "application/json"), (sent!.MessageId, sent.SessionId, sent.ContentType));
        Assert.Equal(result with { SkippedMembers = [] }, WireSerializer.DeserializeResult(sent.Body.ToArray()) with { SkippedMembers = [] });
    }

    [Fact]
    public async Task ReceiveAsync_GoodAndMalformed_ParsesOneAndReportsTheOther()
    {
        var good = ServiceBusFakes.Received(TestMessages.Result("c1"));
        var bad = ServiceBusFakes.Received("{oops", "c2");
        var receiver = new Mock<ServiceBusReceiver>();
        receiver.Setup(r => r.ReceiveMessagesAsync(10, It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync([good, bad]);

        var received = await new ServiceBusResultSource(receiver.Object).ReceiveAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);
        await received[1].DeadLetterAsync("MalformedResult", received[1].FormatError!, CancellationToken.None);

        Assert.Equal("c1", received[0].Result!.CommandId);
        Assert.Null(received[1].Result);
        receiver.Verify(r => r.DeadLetterMessageAsync(bad, "MalformedResult", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetCountsAsync_CommandsQueue_ReadsConfiguredEntity()
    {
        var admin = new Mock<ServiceBusAdministrationClient>();
        var properties = ServiceBusModelFactory.QueueRuntimeProperties(
            "custom-commands", activeMessageCount: 7, scheduledMessageCount: 0, deadLetterMessageCount: 2, transferDeadLetterMessageCount: 0,
            transferMessageCount: 0, totalMessageCount: 9, sizeInBytes: 1, createdAt: default, updatedAt: default, accessedAt: default);
        admin.Setup(a => a.GetQueueRuntimePropertiesAsync("custom-commands", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(properties, Mock.Of<Response>()));
        var clients = new ServiceBusClients(new ServiceBusTransportOptions { CommandsQueue = "custom-commands" }, Mock.Of<ServiceBusClient>(), admin.Object);

        var counts = await new ServiceBusQueueStatusReader(clients).GetCountsAsync(QueueNames.Commands, CancellationToken.None);

        Assert.Equal(new QueueCounts(QueueNames.Commands, 7, 0, 2), counts);
    }

    [Fact]
    public async Task ReadDeadLettersAsync_ResultsQueue_PeeksTheDeadLetterSubQueue()
    {
        var dead = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"),
            messageId: "c9",
            deliveryCount: 10,
            properties: new Dictionary<string, object> { ["DeadLetterReason"] = "MaxDeliveryCountExceeded", ["DeadLetterErrorDescription"] = "too many" });
        var receiver = new Mock<ServiceBusReceiver>();
        receiver.Setup(r => r.PeekMessagesAsync(5, null, It.IsAny<CancellationToken>())).ReturnsAsync([dead]);
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateReceiver("writeback-results", It.Is<ServiceBusReceiverOptions>(o => o.SubQueue == SubQueue.DeadLetter))).Returns(receiver.Object);
        var clients = new ServiceBusClients(new ServiceBusTransportOptions(), client.Object, Mock.Of<ServiceBusAdministrationClient>());

        var messages = await new ServiceBusDeadLetterReader(clients).ReadDeadLettersAsync(QueueNames.Results, 5, CancellationToken.None);

        var message = Assert.Single(messages);
        Assert.Equal(("c9", null, 10, "MaxDeliveryCountExceeded", "too many"), (message.MessageId, message.SessionId, message.DeliveryCount, message.Reason, message.Description));
        receiver.Verify(r => r.DisposeAsync(), Times.Once);
    }
}
