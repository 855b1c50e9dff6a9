using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// The chunks of the snapshots a dry run (<c>plan</c>) has seen, in memory: a plan must judge a snapshot by all
/// its chunks, as <c>apply</c> does, and must leave the agent's state directory as it was.
/// </summary>
internal sealed class PlannedSnapshots
{
    private readonly Dictionary<(string GroupId, string SnapshotId), SortedDictionary<int, MembershipSnapshotCommand>> _chunks = [];

    /// <summary>Keeps a chunk and returns all chunks once the snapshot is complete, else null.</summary>
    public IReadOnlyList<MembershipSnapshotCommand>? Add(MembershipSnapshotCommand chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var key = (chunk.GroupId, chunk.SnapshotId);
        if (!_chunks.TryGetValue(key, out var chunks))
        {
            _chunks[key] = chunks = [];
        }

        chunks[chunk.ChunkIndex] = chunk;
        var complete = chunks.Values.Where(c => c.ChunkCount == chunk.ChunkCount).ToList();
        return complete.Count < chunk.ChunkCount ? null : complete;
    }
}
