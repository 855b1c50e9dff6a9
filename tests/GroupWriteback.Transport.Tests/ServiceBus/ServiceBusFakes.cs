using Azure.Messaging.ServiceBus;
using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;
using Moq;

namespace GroupWriteback.Transport.Tests.ServiceBus;

/// <summary>Service Bus messages and mocks built with <see cref="ServiceBusModelFactory"/>.</summary>
internal static class ServiceBusFakes
{
    public static ServiceBusReceivedMessage Received(WritebackCommand command, int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromBytes(WireSerializer.Serialize(command)),
            messageId: command.CommandId,
            sessionId: command.GroupId,
            deliveryCount: deliveryCount);

    public static ServiceBusReceivedMessage Received(WritebackResult result) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromBytes(WireSerializer.Serialize(result)),
            messageId: result.CommandId,
            deliveryCount: 1);

    public static ServiceBusReceivedMessage Received(string body, string messageId) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: messageId, deliveryCount: 1);

    /// <summary>A sender whose batches hold at most <paramref name="perBatch"/> messages; each sent batch's messages are recorded.</summary>
    public static Mock<ServiceBusSender> Sender(List<List<ServiceBusMessage>> sent, int perBatch = int.MaxValue)
    {
        var sender = new Mock<ServiceBusSender>();
        var batches = new Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>>();
        sender.SetupGet(s => s.EntityPath).Returns(QueueNames.Commands);
        sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                var store = new List<ServiceBusMessage>();
                var batch = ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store, tryAddCallback: _ => store.Count < perBatch);
                batches[batch] = store;
                return batch;
            });
        sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessageBatch, CancellationToken>((batch, _) => sent.Add([.. batches[batch]]))
            .Returns(Task.CompletedTask);
        return sender;
    }

    public static ServiceBusException Error(ServiceBusFailureReason reason) => new("broker said no", reason);
}
