using System.Collections.Concurrent;
using System.Diagnostics;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// Commands this process applied, per kind, with the time applying took and the time the queue took around them
/// (receiving, publishing the result, settling the message), for <see cref="OperationCountsFile"/>.
/// </summary>
internal sealed class CommandTimings
{
    private readonly ConcurrentDictionary<string, long[]> _totals = new(StringComparer.Ordinal);

    /// <summary>The timings of this process.</summary>
    public static CommandTimings Process { get; } = new();

    /// <summary>Records one stage (a command kind, or a queue step such as <c>queue.settle</c>) that took <paramref name="elapsedTicks"/>.</summary>
    public void Record(string stage, long elapsedTicks)
    {
        var total = _totals.GetOrAdd(stage, _ => new long[2]);
        Interlocked.Increment(ref total[0]);
        Interlocked.Add(ref total[1], elapsedTicks);
    }

    /// <summary>Count and total milliseconds per stage.</summary>
    public IReadOnlyDictionary<string, Directory.DirectoryOperationTotal> Snapshot() =>
        _totals.ToDictionary(
            kv => kv.Key,
            kv => new Directory.DirectoryOperationTotal(Interlocked.Read(ref kv.Value[0]), Interlocked.Read(ref kv.Value[1]) * 1000.0 / Stopwatch.Frequency),
            StringComparer.Ordinal);
}
