using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// One locked group session. Its lock (which covers its messages) is renewed in the background
/// halfway to expiry while the session is open, for at most the configured renewal duration;
/// disposing stops renewing and closes the receiver, which releases the session.
/// </summary>
internal sealed class ServiceBusCommandSession : ICommandSession
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MinimumRenewalDelay = TimeSpan.FromSeconds(1);
    private readonly ServiceBusSessionReceiver _receiver;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewal;
    private bool _disposed;

    public ServiceBusCommandSession(ServiceBusSessionReceiver receiver, TimeSpan maxRenewal, TimeProvider time, ILogger logger)
    {
        _receiver = receiver;
        _time = time;
        _logger = logger;
        _renewal = RenewWhileOpenAsync(_time.GetUtcNow() + maxRenewal, _stopRenewing.Token);
    }

    public string SessionId => _receiver.SessionId;

    /// <summary>The background renewal; it ends when the session is disposed, lost, or held too long.</summary>
    internal Task Renewal => _renewal;

    public async Task<ReceivedCommand?> ReceiveAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ServiceBusReceivedMessage? message;
        try
        {
            message = await _receiver.ReceiveMessageAsync(maxWait < MinimumWait ? MinimumWait : maxWait, cancellationToken);
        }
        catch (ServiceBusException ex) when (ServiceBusErrors.IsLockLost(ex))
        {
            throw ServiceBusErrors.LockLost(null, SessionId, ex);
        }

        return message is null
            ? null
            : ReceivedMessages.Command(message.Body.ToMemory().Span, message.MessageId, SessionId, message.DeliveryCount, new ServiceBusSettlement(_receiver, message));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopRenewing.CancelAsync();
        await _renewal;
        _stopRenewing.Dispose();
        await _receiver.DisposeAsync();
    }

    private async Task RenewWhileOpenAsync(DateTimeOffset renewUntil, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                var delay = (_receiver.SessionLockedUntil - now) / 2;
                await Task.Delay(delay < MinimumRenewalDelay ? MinimumRenewalDelay : delay, _time, stop);
                if (_time.GetUtcNow() >= renewUntil)
                {
                    Log.SessionRenewalGaveUp(_logger, _receiver.EntityPath, SessionId, renewUntil);
                    return;
                }

                await _receiver.RenewSessionLockAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (ServiceBusException ex)
        {
            // Lost or unreachable after the client's retries: the next receive or settlement reports
            // it, and the broker redelivers the session's messages; nothing is lost.
            Log.SessionRenewalFailed(_logger, _receiver.EntityPath, SessionId, ex.Message);
        }
    }
}
