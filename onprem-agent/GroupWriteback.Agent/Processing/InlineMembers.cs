using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Agent.Processing;

/// <summary>
/// The one-chunk membership snapshot queued right behind a group's upsert, offered to that upsert. When the upsert
/// creates the group, it adds it with these members in the same write, one directory transaction instead of an add and
/// a membership modify; the snapshot, applied next, is then answered from what the create wrote. The create takes the
/// offer only when every member can be written by identity (<see cref="MemberValues"/>) and the directory accepts them;
/// otherwise the group is added without members and the snapshot is reconciled as usual. An update never takes it.
/// </summary>
internal sealed class InlineMembers
{
    private InlineMembers(MembershipSnapshotCommand snapshot) => Snapshot = snapshot;

    /// <summary>The snapshot offered.</summary>
    public MembershipSnapshotCommand Snapshot { get; }

    /// <summary>The members the create wrote, or null while the offer was not taken.</summary>
    public int? Written { get; private set; }

    /// <summary>
    /// An offer of <paramref name="next"/> to <paramref name="command"/>, or null unless <paramref name="command"/> is an
    /// upsert and <paramref name="next"/> the complete (one-chunk) snapshot of the same group, awaited by the same pass.
    /// </summary>
    public static InlineMembers? Offer(WritebackCommand? command, WritebackCommand? next) =>
        command is UpsertGroupCommand upsert
        && next is MembershipSnapshotCommand { ChunkCount: 1, ChunkIndex: 0 } snapshot
        && string.Equals(snapshot.GroupId, upsert.GroupId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(snapshot.ReplyTo, upsert.ReplyTo, StringComparison.Ordinal)
            ? new InlineMembers(snapshot)
            : null;

    /// <summary>True when the create wrote the members of <paramref name="snapshot"/>.</summary>
    public bool Answers(MembershipSnapshotCommand snapshot) =>
        Written is not null && string.Equals(snapshot.CommandId, Snapshot.CommandId, StringComparison.Ordinal);

    /// <summary>Notes that the create wrote <paramref name="count"/> members.</summary>
    internal void Taken(int count) => Written = count;
}
