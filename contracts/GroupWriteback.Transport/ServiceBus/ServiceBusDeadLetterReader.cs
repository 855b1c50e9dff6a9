using Azure.Messaging.ServiceBus;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>Peeks (never receives) a queue's dead-letter sub-queue; needs the Listen right on that queue.</summary>
public sealed class ServiceBusDeadLetterReader(ServiceBusClients clients) : IDeadLetterReader
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetteredMessage>> ReadDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        await using var receiver = clients.Client.CreateReceiver(
            clients.Options.EntityFor(queue),
            new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = ServiceBusReceiveMode.PeekLock });
        var messages = await receiver.PeekMessagesAsync(maxMessages, fromSequenceNumber: null, cancellationToken);
        return messages
            .Select(m => new DeadLetteredMessage(
                queue,
                m.MessageId,
                string.IsNullOrEmpty(m.SessionId) ? null : m.SessionId,
                m.Body.ToMemory(),
                m.DeliveryCount,
                m.DeadLetterReason,
                m.DeadLetterErrorDescription))
            .ToList();
    }
}
