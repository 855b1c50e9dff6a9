using Microsoft.Data.Sqlite;

namespace GroupWriteback.Transport.Embedded;

/// <summary>
/// One locked group session of the embedded commands queue; disposing releases it. While it is
/// open its lock (and the locks of its messages in flight) is renewed at a third of the lock
/// duration, as the Service Bus transport does, so a slow command does not lose the session. A
/// process that dies stops renewing, and the session comes back after one lock duration.
/// </summary>
internal sealed class EmbeddedCommandSession : ICommandSession
{
    private readonly EmbeddedQueueStore _store;
    private readonly SessionLease _lease;
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewal;
    private bool _released;

    public EmbeddedCommandSession(EmbeddedQueueStore store, SessionLease lease)
    {
        _store = store;
        _lease = lease;
        _renewal = RenewWhileOpenAsync(_stopRenewing.Token);
    }

    public string SessionId => _lease.SessionId;

    public async Task<ReceivedCommand?> ReceiveAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var message = await QueuePolling.UntilAsync(
            token => _store.Sessions.TryReceiveAsync(_lease, token),
            maxWait,
            _store,
            cancellationToken);
        return message is null
            ? null
            : ReceivedMessages.Command(message.Body, message.MessageId, _lease.SessionId, message.DeliveryCount, new EmbeddedSettlement(_store, message, _lease));
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        await _stopRenewing.CancelAsync();
        await _renewal;
        _stopRenewing.Dispose();

        // Released even when the caller is being cancelled, so the session is not stuck until its lock expires.
        await _store.Sessions.ReleaseAsync(_lease, CancellationToken.None);
    }

    private async Task RenewWhileOpenAsync(CancellationToken stop)
    {
        var interval = _store.Options.LockDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, _store.Time, stop);
                if (!await _store.Sessions.RenewLeaseAsync(_lease, stop))
                {
                    // Lost: the next receive or settlement reports it to the consumer.
                    Log.SessionRenewalStopped(_store.Logger, _lease.Queue, _lease.SessionId);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (SqliteException ex)
        {
            // The lock then expires as if the process had died; the work is redelivered, never lost.
            Log.SessionRenewalFailed(_store.Logger, _lease.Queue, _lease.SessionId, ex.Message);
        }
    }
}
