using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// A queue's dead-letter sub-queue: peeked for reading (Listen right), received by peek-lock to resubmit or discard one
/// message (Listen, and Send on the queue to resubmit).
/// </summary>
/// <remarks>
/// Service Bus receives a dead letter only in order, not by sequence number, so resubmit and discard lock the sub-queue's
/// messages until the one asked for comes, settle it, and abandon the others at once (a dead letter has no max delivery
/// count). The resubmitted copy gets its own message id (<c>&lt;id&gt;.r&lt;sequence&gt;</c>): the original id is inside the
/// queue's duplicate detection window when a poison message is resubmitted soon after it failed, and would be dropped.
/// Commands are idempotent, so a copy sent twice (the completion failing after the send) converges.
/// </remarks>
public sealed class ServiceBusDeadLetterReader(ServiceBusClients clients, ILogger? logger = null) : IDeadLetterReader
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Most dead letters locked while looking for one.</summary>
    public const int MaxScanned = 2000;

    private const int ReceiveBatch = 100;

    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetteredMessage>> ReadDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        await using var receiver = CreateReceiver(queue);
        var messages = await receiver.PeekMessagesAsync(maxMessages, fromSequenceNumber: null, cancellationToken);
        return messages
            .Select(m => new DeadLetteredMessage(
                queue,
                m.MessageId,
                string.IsNullOrEmpty(m.SessionId) ? null : m.SessionId,
                m.Body.ToMemory(),
                m.DeliveryCount,
                m.DeadLetterReason,
                m.DeadLetterErrorDescription,
                m.SequenceNumber,
                m.EnqueuedTime))
            .ToList();
    }

    /// <inheritdoc />
    public Task<bool> ResubmitAsync(string queue, long sequenceNumber, CancellationToken cancellationToken) =>
        SettleAsync(queue, sequenceNumber, async (receiver, message) =>
        {
            await using var sender = clients.Client.CreateSender(clients.Options.EntityFor(queue));
            await sender.SendMessageAsync(Copy(message), cancellationToken);
            await receiver.CompleteMessageAsync(message, cancellationToken);
            Log.DeadLetterResubmitted(_logger, queue, sequenceNumber);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DiscardAsync(string queue, long sequenceNumber, CancellationToken cancellationToken) =>
        SettleAsync(queue, sequenceNumber, async (receiver, message) =>
        {
            await receiver.CompleteMessageAsync(message, cancellationToken);
            Log.DeadLetterDiscarded(_logger, queue, sequenceNumber);
        }, cancellationToken);

    /// <summary>The message to send back: the dead letter's body, session, subject and properties, without the dead-letter ones.</summary>
    public static ServiceBusMessage Copy(ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var copy = new ServiceBusMessage(message);
        copy.ApplicationProperties.Remove("DeadLetterReason");
        copy.ApplicationProperties.Remove("DeadLetterErrorDescription");
        var suffix = ".r" + message.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        copy.MessageId = message.MessageId.Length + suffix.Length <= ServiceBusWire.MaxMessageIdLength
            ? message.MessageId + suffix
            : message.MessageId[..(ServiceBusWire.MaxMessageIdLength - suffix.Length)] + suffix;
        return copy;
    }

    private ServiceBusReceiver CreateReceiver(string queue) =>
        clients.Client.CreateReceiver(
            clients.Options.EntityFor(queue),
            new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 });

    private async Task<bool> SettleAsync(string queue, long sequenceNumber, Func<ServiceBusReceiver, ServiceBusReceivedMessage, Task> settle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        await using var receiver = CreateReceiver(queue);
        var passed = new List<ServiceBusReceivedMessage>();
        try
        {
            while (passed.Count < MaxScanned)
            {
                var batch = await receiver.ReceiveMessagesAsync(ReceiveBatch, ReceiveWait, cancellationToken);
                if (batch.Count == 0)
                {
                    return false;
                }

                foreach (var message in batch)
                {
                    if (message.SequenceNumber == sequenceNumber)
                    {
                        await settle(receiver, message);
                        passed.AddRange(batch.Where(m => m.SequenceNumber != sequenceNumber));
                        return true;
                    }
                }

                passed.AddRange(batch);
            }

            return false;
        }
        finally
        {
            foreach (var message in passed)
            {
                await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
            }
        }
    }
}
