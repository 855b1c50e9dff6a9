namespace GroupWriteback.Transport;

/// <summary>A message in a queue's dead-letter store.</summary>
/// <param name="Queue">The queue it was dead-lettered from.</param>
/// <param name="MessageId">The message id (the command id for commands).</param>
/// <param name="SessionId">The session (group) id, or null on the results queue.</param>
/// <param name="Body">The raw UTF-8 JSON body.</param>
/// <param name="DeliveryCount">How many times it was delivered.</param>
/// <param name="Reason">Why it was dead-lettered, e.g. <c>MaxDeliveryCountExceeded</c>.</param>
/// <param name="Description">The detail given with the reason.</param>
/// <param name="SequenceNumber">Its number in the queue: what <see cref="IDeadLetterReader.ResubmitAsync"/> and <see cref="IDeadLetterReader.DiscardAsync"/> name it by.</param>
/// <param name="EnqueuedAt">When it was first queued.</param>
public sealed record DeadLetteredMessage(
    string Queue,
    string MessageId,
    string? SessionId,
    ReadOnlyMemory<byte> Body,
    int DeliveryCount,
    string? Reason,
    string? Description,
    long SequenceNumber = 0,
    DateTimeOffset? EnqueuedAt = null);
