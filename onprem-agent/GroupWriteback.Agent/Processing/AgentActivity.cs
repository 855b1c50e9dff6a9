namespace GroupWriteback.Agent.Processing;

/// <summary>What the agent is doing now and the newest error it met; read by the <see cref="HeartbeatSender"/>.</summary>
internal sealed class AgentActivity(TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _openSessions;
    private int _inFlight;
    private (string Message, DateTimeOffset At)? _lastError;

    /// <summary>Group sessions held now.</summary>
    public int OpenSessions => Volatile.Read(ref _openSessions);

    /// <summary>Commands being applied now.</summary>
    public int InFlightCommands => Volatile.Read(ref _inFlight);

    /// <summary>The newest error and when it happened, or null.</summary>
    public (string Message, DateTimeOffset At)? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Counts a session as held until the returned scope is disposed.</summary>
    public Scope Session() => new(this, isSession: true);

    /// <summary>Counts a command as in flight until the returned scope is disposed.</summary>
    public Scope Command() => new(this, isSession: false);

    /// <summary>Keeps <paramref name="message"/> as the newest error, stamped now.</summary>
    public void Failed(string message)
    {
        lock (_gate)
        {
            _lastError = (message, time.GetUtcNow());
        }
    }

    /// <summary>One counted session or command.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly AgentActivity _owner;
        private readonly bool _isSession;

        internal Scope(AgentActivity owner, bool isSession)
        {
            _owner = owner;
            _isSession = isSession;
            Interlocked.Increment(ref isSession ? ref owner._openSessions : ref owner._inFlight);
        }

        /// <inheritdoc />
        public void Dispose() => Interlocked.Decrement(ref _isSession ? ref _owner._openSessions : ref _owner._inFlight);
    }
}
