using System.Diagnostics;
using System.DirectoryServices.Protocols;

namespace GroupWriteback.Agent.Directory;

/// <summary>
/// How many LDAP requests of each kind this process sent and how long they took, counted where every request is
/// sent (<see cref="DirectoryClient"/>). The bench reads them to say where an agent's time goes and to prove that a
/// change costs the same number of operations whatever the tenant's size.
/// </summary>
internal sealed class DirectoryOperationCounters
{
    private readonly long[] _counts = new long[Kinds.Count];
    private readonly long[] _ticks = new long[Kinds.Count];

    /// <summary>The operation kinds counted, in report order.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["read", "search", "add", "modify", "modifyDn", "delete", "other"];

    /// <summary>The counters of this process.</summary>
    public static DirectoryOperationCounters Process { get; } = new();

    /// <summary>Records one request that took <paramref name="elapsedTicks"/> stopwatch ticks.</summary>
    public void Record(DirectoryRequest request, long elapsedTicks)
    {
        var kind = KindOf(request);
        Interlocked.Increment(ref _counts[kind]);
        Interlocked.Add(ref _ticks[kind], elapsedTicks);
    }

    /// <summary>Counts and total milliseconds per kind, at this moment.</summary>
    public IReadOnlyDictionary<string, DirectoryOperationTotal> Snapshot()
    {
        var totals = new Dictionary<string, DirectoryOperationTotal>(StringComparer.Ordinal);
        for (var i = 0; i < Kinds.Count; i++)
        {
            totals[Kinds[i]] = new DirectoryOperationTotal(Interlocked.Read(ref _counts[i]), Interlocked.Read(ref _ticks[i]) * 1000.0 / Stopwatch.Frequency);
        }

        return totals;
    }

    private static int KindOf(DirectoryRequest request) => request switch
    {
        SearchRequest { Scope: SearchScope.Base } => 0,
        SearchRequest => 1,
        AddRequest => 2,
        ModifyRequest => 3,
        ModifyDNRequest => 4,
        DeleteRequest => 5,
        _ => 6,
    };
}
