using System.Collections;

namespace GroupWriteback.GraphEmulator.Requests;

/// <summary>Every request the emulator answered, in order. Enumerating takes a snapshot, so it is safe while requests run.</summary>
public sealed class RequestLog : IReadOnlyList<RecordedRequest>
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> entries = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public RecordedRequest this[int index]
    {
        get
        {
            lock (gate)
            {
                return entries[index];
            }
        }
    }

    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/> (e.g. <c>/v1.0/groups/delta</c>), case-insensitive.</summary>
    public IReadOnlyList<RecordedRequest> Matching(string pathPrefix, string? method = null) =>
        [.. Snapshot().Where(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)
            && (method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)))];

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    public IEnumerator<RecordedRequest> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(RecordedRequest request)
    {
        lock (gate)
        {
            entries.Add(request);
        }
    }

    private List<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }
}
