namespace GroupWriteback.Transport;

/// <summary>A queue's dead-letter store: read without removing anything (status, diagnostics), resubmit or discard one message.</summary>
public interface IDeadLetterReader
{
    /// <summary>Returns up to <paramref name="maxMessages"/> dead-lettered messages, oldest first.</summary>
    Task<IReadOnlyList<DeadLetteredMessage>> ReadDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the dead letter <paramref name="sequenceNumber"/> of <paramref name="queue"/> back to that queue as a new
    /// message (same body, session and subject; delivery count from zero) and removes the dead letter; false when there is no such dead letter.
    /// </summary>
    Task<bool> ResubmitAsync(string queue, long sequenceNumber, CancellationToken cancellationToken);

    /// <summary>Removes the dead letter <paramref name="sequenceNumber"/> of <paramref name="queue"/>; false when there is no such dead letter.</summary>
    Task<bool> DiscardAsync(string queue, long sequenceNumber, CancellationToken cancellationToken);
}
