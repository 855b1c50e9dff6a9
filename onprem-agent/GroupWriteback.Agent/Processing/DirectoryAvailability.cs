using GroupWriteback.Agent.Directory;
using GroupWriteback.Contracts.Results;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// One gate for the whole agent that says whether the domain controller answers. When a pump finds it unreachable
/// (<see cref="IsOutage"/>), the gate closes for a backoff that starts at <see cref="InitialDelay"/> and doubles up
/// to <see cref="MaxDelay"/>; every pump waits on it before it takes a session or retries the message it holds, and
/// the first attempt that reaches the DC opens it again. An outage is the directory's state, not the message's
/// fault, so it never uses up a message's delivery budget.
/// </summary>
internal sealed class DirectoryAvailability
{
    /// <summary>First wait after the DC stops answering.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts while the DC stays unreachable.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private TimeSpan _delay = TimeSpan.Zero;
    private long _retryAt;
    private long _downSince;

    /// <summary>Creates an open gate.</summary>
    public DirectoryAvailability(ILogger logger, TimeSpan? initialDelay = null, TimeSpan? maxDelay = null, TimeProvider? time = null)
    {
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _initialDelay = initialDelay ?? InitialDelay;
        _maxDelay = maxDelay ?? MaxDelay;
    }

    /// <summary>True while the DC is held to be unreachable.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _delay > TimeSpan.Zero;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="failure"/> says the DC cannot be reached or is not serving (bind failed, connection
    /// dropped, LDAP busy/unavailable), as opposed to a request that failed on its own (time or admin limit).
    /// </summary>
    public static bool IsOutage(Exception failure) => failure switch
    {
        DirectoryUnavailableException => true,
        DirectoryWriteException { Reason: FailureReason.Transient, ResultCode: null } => true,
        DirectoryWriteException { Reason: FailureReason.Transient, ResultCode: System.DirectoryServices.Protocols.ResultCode.Busy or System.DirectoryServices.Protocols.ResultCode.Unavailable } => true,
        _ => false,
    };

    /// <summary>
    /// Records a failed attempt. Failures of the same attempt window (several pumps at once) close the gate once;
    /// a failure after the wait has run out doubles it.
    /// </summary>
    public void ReportOutage(string reason)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_delay > TimeSpan.Zero && now < _retryAt)
            {
                return;
            }

            if (_delay == TimeSpan.Zero)
            {
                _downSince = now;
            }

            _delay = _delay == TimeSpan.Zero ? _initialDelay : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, _maxDelay.Ticks));
            _retryAt = now + (long)(_delay.TotalSeconds * _time.TimestampFrequency);
            Log.DirectoryUnavailable(_logger, _delay, reason);
        }
    }

    /// <summary>Records an attempt that reached the DC: the gate opens.</summary>
    public void ReportAvailable()
    {
        lock (_gate)
        {
            if (_delay == TimeSpan.Zero)
            {
                return;
            }

            _delay = TimeSpan.Zero;
            var outage = _time.GetElapsedTime(_downSince);
            Log.DirectoryAvailable(_logger, outage);
        }
    }

    /// <summary>Waits until the current backoff has run out (returns at once while the gate is open).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            wait = _delay == TimeSpan.Zero ? TimeSpan.Zero : _time.GetElapsedTime(_time.GetTimestamp(), _retryAt);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }
}
