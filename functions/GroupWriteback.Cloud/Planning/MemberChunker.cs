using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Planning;

/// <summary>Splits membership into wire-sized chunks.</summary>
internal static class MemberChunker
{
    /// <summary>Chunks of at most <paramref name="size"/> (default <see cref="WireFormat.MaxMembersPerCommand"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Chunk<T>(IReadOnlyList<T> items, int size = WireFormat.MaxMembersPerCommand)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return items.Chunk(size).Select(c => (IReadOnlyList<T>)c).ToList();
    }

    /// <summary>
    /// Pairs adds and removes into change chunks of at most <paramref name="size"/> references in
    /// total; removes go first so a chunk never needs more room than the wire allows.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<MemberReference> Add, IReadOnlyList<MemberReference> Remove)> ChunkChanges(
        IReadOnlyList<MemberReference> add, IReadOnlyList<MemberReference> remove, int size = WireFormat.MaxMembersPerCommand)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(remove);
        var chunks = new List<(IReadOnlyList<MemberReference>, IReadOnlyList<MemberReference>)>();
        int ai = 0, ri = 0;
        while (ai < add.Count || ri < remove.Count)
        {
            var removeTake = Math.Min(size, remove.Count - ri);
            var addTake = Math.Min(size - removeTake, add.Count - ai);
            chunks.Add((add.Skip(ai).Take(addTake).ToList(), remove.Skip(ri).Take(removeTake).ToList()));
            ai += addTake;
            ri += removeTake;
        }

        return chunks;
    }
}
