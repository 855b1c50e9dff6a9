using Azure.Messaging.ServiceBus;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>Settles one received message on the receiver it came from; a lost lock becomes <see cref="MessageLockLostException"/>.</summary>
internal sealed class ServiceBusSettlement(ServiceBusReceiver receiver, ServiceBusReceivedMessage message) : IMessageSettlement
{
    public Task CompleteAsync(CancellationToken cancellationToken) =>
        ServiceBusErrors.GuardLockAsync(() => receiver.CompleteMessageAsync(message, cancellationToken), message);

    public Task AbandonAsync(CancellationToken cancellationToken) =>
        ServiceBusErrors.GuardLockAsync(() => receiver.AbandonMessageAsync(message, null, cancellationToken), message);

    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) =>
        ServiceBusErrors.GuardLockAsync(
            () => receiver.DeadLetterMessageAsync(message, ServiceBusWire.Fit(reason), ServiceBusWire.Fit(description), cancellationToken),
            message);
}
