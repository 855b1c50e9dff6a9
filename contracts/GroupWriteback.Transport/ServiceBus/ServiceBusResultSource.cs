using Azure.Messaging.ServiceBus;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>Drains the results queue with peek-lock; the caller settles each result.</summary>
public sealed class ServiceBusResultSource(ServiceBusReceiver receiver) : IResultSource
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(20);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReceivedResult>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var messages = await receiver.ReceiveMessagesAsync(maxMessages, maxWait < MinimumWait ? MinimumWait : maxWait, cancellationToken);
        return messages
            .Select(m => ReceivedMessages.Result(m.Body.ToMemory().Span, m.MessageId, m.DeliveryCount, new ServiceBusSettlement(receiver, m)))
            .ToList();
    }
}
