namespace GroupWriteback.GraphEmulator.Model;

/// <summary>
/// What one delta round is computed from, captured atomically: the changes after the round's start
/// (none for an initial round), the current state of the groups involved, and the sequence the
/// round's deltaLink continues from.
/// </summary>
public sealed record DeltaSource(
    long EndSequence,
    IReadOnlyList<TenantChange> Changes,
    IReadOnlyDictionary<string, GroupWithMembers> Groups);
