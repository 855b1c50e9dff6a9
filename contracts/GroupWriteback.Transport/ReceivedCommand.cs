using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Transport;

/// <summary>
/// A peek-locked command message. <see cref="Command"/> is null when the body is not valid wire
/// JSON; <see cref="FormatError"/> then says why, and the consumer dead-letters it.
/// </summary>
public abstract class ReceivedCommand
{
    /// <summary>The broker's message id (the command id for well-formed commands).</summary>
    public required string MessageId { get; init; }

    /// <summary>The session (group) id.</summary>
    public required string SessionId { get; init; }

    /// <summary>How many times this message has been delivered, starting at 1.</summary>
    public required int DeliveryCount { get; init; }

    /// <summary>The parsed command, or null when the body is malformed.</summary>
    public WritebackCommand? Command { get; init; }

    /// <summary>Why the body could not be read, when <see cref="Command"/> is null.</summary>
    public string? FormatError { get; init; }

    /// <summary>Removes the message: it was handled.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Releases the lock so the message is delivered again (transient failure).</summary>
    public abstract Task AbandonAsync(CancellationToken cancellationToken);

    /// <summary>Moves the message to the dead-letter queue with a reason (permanent failure).</summary>
    public abstract Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken);
}
