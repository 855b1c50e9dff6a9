namespace GroupWriteback.Transport;

/// <summary>Reads a queue's dead-letter store without removing anything (status and diagnostics).</summary>
public interface IDeadLetterReader
{
    /// <summary>Returns up to <paramref name="maxMessages"/> dead-lettered messages, oldest first.</summary>
    Task<IReadOnlyList<DeadLetteredMessage>> ReadDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken);
}
