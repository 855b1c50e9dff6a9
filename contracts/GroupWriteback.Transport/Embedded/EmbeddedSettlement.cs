namespace GroupWriteback.Transport.Embedded;

/// <summary>Settles one message of the embedded queue under the lock it was received with.</summary>
internal sealed class EmbeddedSettlement(EmbeddedQueueStore store, LockedMessage message, SessionLease? session) : IMessageSettlement
{
    public Task CompleteAsync(CancellationToken cancellationToken) =>
        store.Messages.CompleteAsync(message, session, cancellationToken);

    public Task AbandonAsync(CancellationToken cancellationToken) =>
        store.Messages.AbandonAsync(message, session, cancellationToken);

    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) =>
        store.Messages.DeadLetterAsync(message, session, reason, description, cancellationToken);
}
