namespace GroupWriteback.GraphEmulator.Delta;

/// <summary>
/// Rounds being paged through, so that every nextLink of a round serves the same snapshot. Old rounds are
/// dropped (the newest <see cref="Capacity"/> are kept); a nextLink of a dropped round answers 410 Gone.
/// </summary>
internal sealed class DeltaRoundStore
{
    public const int Capacity = 64;

    private readonly Lock _gate = new();
    private readonly LinkedList<DeltaRound> _rounds = new();

    public void Add(DeltaRound round)
    {
        lock (_gate)
        {
            if (_rounds.Any(r => ReferenceEquals(r, round)))
            {
                return;
            }

            _rounds.AddFirst(round);
            while (_rounds.Count > Capacity)
            {
                _rounds.RemoveLast();
            }
        }
    }

    public DeltaRound? Find(string roundId)
    {
        lock (_gate)
        {
            return _rounds.FirstOrDefault(r => string.Equals(r.Id, roundId, StringComparison.Ordinal));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rounds.Clear();
        }
    }
}
