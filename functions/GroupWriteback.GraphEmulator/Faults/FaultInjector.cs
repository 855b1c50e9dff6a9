namespace GroupWriteback.GraphEmulator.Faults;

/// <summary>
/// Throttling and outage faults: the next N requests whose path starts with a prefix are answered
/// with the given status (429 or 503 as Graph sends them) and a <c>Retry-After</c> header in seconds; and a
/// slowed Graph, every request answered only after <see cref="Latency"/>.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<InjectedFault> _pending = [];
    private TimeSpan _latency;

    /// <summary>How long each Graph request waits before it is answered (zero: at once).</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    /// <summary>Queues a fault; faults for overlapping prefixes are used in the order injected.</summary>
    public void Inject(string pathPrefix, int statusCode, int retryAfterSeconds, int count = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _pending.Add(new InjectedFault(pathPrefix, statusCode, retryAfterSeconds, count));
        }
    }

    /// <summary>Drops every pending fault and the latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>Consumes one use of the first fault matching the path, if any.</summary>
    public InjectedFault? TryTake(string path)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(f => path.StartsWith(f.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _pending[index];
            if (fault.Remaining <= 1)
            {
                _pending.RemoveAt(index);
            }
            else
            {
                _pending[index] = fault with { Remaining = fault.Remaining - 1 };
            }

            return fault;
        }
    }
}
