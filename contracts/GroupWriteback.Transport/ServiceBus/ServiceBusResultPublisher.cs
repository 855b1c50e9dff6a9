using Azure.Messaging.ServiceBus;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>Sends results to the results queue; message id = command id.</summary>
public sealed class ServiceBusResultPublisher(ServiceBusSender sender) : IResultPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(WritebackResult result, CancellationToken cancellationToken) =>
        sender.SendMessageAsync(ServiceBusWire.ToMessage(result), cancellationToken);
}
