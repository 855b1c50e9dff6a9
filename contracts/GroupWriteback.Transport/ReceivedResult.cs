using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Transport;

/// <summary>A peek-locked result message; <see cref="Result"/> is null when the body is malformed.</summary>
public abstract class ReceivedResult
{
    /// <summary>The broker's message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>How many times this message has been delivered, starting at 1.</summary>
    public required int DeliveryCount { get; init; }

    /// <summary>The parsed result, or null when malformed.</summary>
    public WritebackResult? Result { get; init; }

    /// <summary>Why the body could not be read.</summary>
    public string? FormatError { get; init; }

    /// <summary>Removes the message.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Releases the lock for redelivery.</summary>
    public abstract Task AbandonAsync(CancellationToken cancellationToken);

    /// <summary>Moves the message to the dead-letter queue.</summary>
    public abstract Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken);
}
