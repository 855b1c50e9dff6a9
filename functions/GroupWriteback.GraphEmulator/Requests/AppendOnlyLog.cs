using System.Collections;

namespace GroupWriteback.GraphEmulator.Requests;

/// <summary>A thread-safe list that only grows (or is cleared). Enumerating takes a snapshot, so it is safe while entries arrive.</summary>
internal class AppendOnlyLog<T> : IReadOnlyList<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _entries = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public T this[int index]
    {
        get
        {
            lock (_gate)
            {
                return _entries[index];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(T entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    protected List<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}
