namespace GroupWriteback.Transport.Embedded;

/// <summary>One locked group session of the embedded commands queue; disposing releases it.</summary>
internal sealed class EmbeddedCommandSession(EmbeddedQueueStore store, SessionLease lease) : ICommandSession
{
    private bool _released;

    public string SessionId => lease.SessionId;

    public async Task<ReceivedCommand?> ReceiveAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var message = await QueuePolling.UntilAsync(
            token => store.Sessions.TryReceiveAsync(lease, token),
            maxWait,
            store,
            cancellationToken);
        return message is null
            ? null
            : ReceivedMessages.Command(message.Body, message.MessageId, lease.SessionId, message.DeliveryCount, new EmbeddedSettlement(store, message, lease));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_released)
        {
            _released = true;

            // Released even when the caller is being cancelled, so the session is not stuck until its lock expires.
            await store.Sessions.ReleaseAsync(lease, CancellationToken.None);
        }
    }
}
