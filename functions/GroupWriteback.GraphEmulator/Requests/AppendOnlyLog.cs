using System.Collections;

namespace GroupWriteback.GraphEmulator.Requests;

/// <summary>A thread-safe list that only grows (or is cleared). Enumerating takes a snapshot, so it is safe while entries arrive.</summary>
internal class AppendOnlyLog<T> : IReadOnlyList<T>
{
    private readonly Lock gate = new();
    private readonly List<T> entries = [];

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

    public T this[int index]
    {
        get
        {
            lock (gate)
            {
                return entries[index];
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(T entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    protected List<T> Snapshot()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }
}
