namespace GroupWriteback.GraphEmulator.Delta;

/// <summary>
/// Rounds being paged through, so that every nextLink of a round serves the same snapshot. Old rounds are
/// dropped (the newest <see cref="Capacity"/> are kept); a nextLink of a dropped round answers 410 Gone.
/// </summary>
internal sealed class DeltaRoundStore
{
    public const int Capacity = 64;

    private readonly Lock gate = new();
    private readonly LinkedList<DeltaRound> rounds = new();

    public void Add(DeltaRound round)
    {
        lock (gate)
        {
            if (rounds.Any(r => ReferenceEquals(r, round)))
            {
                return;
            }

            rounds.AddFirst(round);
            while (rounds.Count > Capacity)
            {
                rounds.RemoveLast();
            }
        }
    }

    public DeltaRound? Find(string roundId)
    {
        lock (gate)
        {
            return rounds.FirstOrDefault(r => string.Equals(r.Id, roundId, StringComparison.Ordinal));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rounds.Clear();
        }
    }
}
