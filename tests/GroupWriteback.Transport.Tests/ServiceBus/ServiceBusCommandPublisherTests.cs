using Azure.Messaging.ServiceBus;
using GroupWriteback.Contracts;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Transport.Tests.ServiceBus;

public sealed class ServiceBusCommandPublisherTests
{
    [Fact]
    public async Task PublishAsync_TwoGroups_OneBatchPerSessionInListOrder()
    {
        var sent = new List<List<ServiceBusMessage>>();
        var publisher = new ServiceBusCommandPublisher(ServiceBusFakes.Sender(sent).Object, NullLogger<ServiceBusCommandPublisher>.Instance);

        await publisher.PublishAsync([.. TestMessages.Commands("g1", 2), .. TestMessages.Commands("g2", 1), TestMessages.Command("g1", "g1-late")], CancellationToken.None);

        Assert.Equal(2, sent.Count);
        Assert.Equal(["g1-0", "g1-1", "g1-late"], sent[0].Select(m => m.MessageId));
        Assert.All(sent[0], m => Assert.Equal("g1", m.SessionId));
        Assert.Equal("g2", Assert.Single(sent[1]).SessionId);
    }

    [Fact]
    public async Task PublishAsync_Command_CarriesWireBodyContentTypeKindAndVersion()
    {
        var sent = new List<List<ServiceBusMessage>>();
        var publisher = new ServiceBusCommandPublisher(ServiceBusFakes.Sender(sent).Object, NullLogger<ServiceBusCommandPublisher>.Instance);
        var command = TestMessages.Command("g1", "c1");

        await publisher.PublishAsync([command], CancellationToken.None);

        var message = Assert.Single(Assert.Single(sent));
        Assert.Equal(("c1", "g1", "application/json", "deleteGroup"), (message.MessageId, message.SessionId, message.ContentType, message.Subject));
        Assert.Equal("1", message.ApplicationProperties[ServiceBusWire.WireVersionProperty]);
        Assert.Equal(command, WireSerializer.DeserializeCommand(message.Body.ToArray()));
    }

    [Fact]
    public async Task PublishAsync_MoreThanABatchHolds_SplitsInOrder()
    {
        var sent = new List<List<ServiceBusMessage>>();
        var publisher = new ServiceBusCommandPublisher(ServiceBusFakes.Sender(sent, perBatch: 2).Object, NullLogger<ServiceBusCommandPublisher>.Instance);

        await publisher.PublishAsync(TestMessages.Commands("g1", 5), CancellationToken.None);

        Assert.Equal([["g1-0", "g1-1"], ["g1-2", "g1-3"], ["g1-4"]], sent.Select(b => b.Select(m => m.MessageId).ToArray()));
    }

    [Fact]
    public async Task PublishAsync_CommandLargerThanAnyBatch_ThrowsNamingGroupAndCommand()
    {
        var sent = new List<List<ServiceBusMessage>>();
        var publisher = new ServiceBusCommandPublisher(ServiceBusFakes.Sender(sent, perBatch: 0).Object, NullLogger<ServiceBusCommandPublisher>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync([TestMessages.Command("g1", "c1")], CancellationToken.None));

        Assert.Contains("group g1", error.Message, StringComparison.Ordinal);
        Assert.Contains("c1", error.Message, StringComparison.Ordinal);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task PublishAsync_NoCommands_SendsNothing()
    {
        var sent = new List<List<ServiceBusMessage>>();
        var sender = ServiceBusFakes.Sender(sent);
        var publisher = new ServiceBusCommandPublisher(sender.Object, NullLogger<ServiceBusCommandPublisher>.Instance);

        await publisher.PublishAsync([], CancellationToken.None);

        Assert.Empty(sent);
    }
}
