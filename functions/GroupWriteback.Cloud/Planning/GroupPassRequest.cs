using GroupWriteback.Cloud.Telemetry;

namespace GroupWriteback.Cloud.Planning;

/// <summary>What a per-group orchestration is asked to do in its next pass.</summary>
public sealed record GroupPassRequest
{
    /// <summary>Delta member lists larger than this are replaced by a snapshot, which keeps orchestration history small.</summary>
    public const int MaxDeltaMemberIds = 1000;

    /// <summary>The delete reason of disable writeback.</summary>
    public const string WritebackDisabledReason = DeleteReasons.WritebackDisabled;

    /// <summary>Entra object id of the group.</summary>
    public required string GroupId { get; init; }

    /// <summary>How membership is written.</summary>
    public GroupPassMode Mode { get; init; } = GroupPassMode.Delta;

    /// <summary>The cloud reported the group deleted.</summary>
    public bool DeletedInCloud { get; init; }

    /// <summary>Why a delete is requested: one of <see cref="DeleteReasons"/>.</summary>
    public string? DeleteReason { get; init; }

    /// <summary>Members the delta added.</summary>
    public IReadOnlyList<string> AddedMemberIds { get; init; } = [];

    /// <summary>Members the delta removed.</summary>
    public IReadOnlyList<string> RemovedMemberIds { get; init; } = [];

    /// <summary>
    /// Member changes the round dropped from their <c>@odata.type</c> (devices, contacts, service principals):
    /// counted as skipped members, never read from Graph and never a reason for a snapshot.
    /// </summary>
    public int MembersSkippedAtRound { get; init; }

    /// <summary>Orchestrations to tell when the pass is done (full sync and disable progress).</summary>
    public IReadOnlyList<string> NotifyInstanceIds { get; init; } = [];

    /// <summary>Who asked: "delta", "fullSync", "admin", "disable".</summary>
    public string Origin { get; init; } = "delta";

    /// <summary>
    /// The trace of the call that caused this pass (a Graph notification, an admin request); the pass's commands
    /// continue it. When requests merge, the earliest one's trace is kept.
    /// </summary>
    public TraceLink? Trace { get; init; }

    /// <summary>True for a delete queued by disable writeback.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsWritebackDisabledDelete => Mode == GroupPassMode.Delete && DeleteReason == WritebackDisabledReason;

    /// <summary>
    /// Whether the delta round found the group in scope when it read the change; null when the round did
    /// not decide (a group synced from AD, or a request from elsewhere). False means the pass deletes the
    /// group if it was written back, so the round's delete guard counts it.
    /// </summary>
    public bool? InScopeAtRound { get; init; }

    /// <summary>
    /// The delta round was over the delete threshold and did not approve deleting this group: the pass
    /// deletes nothing, whatever it finds (the group is left in place, as a rejected delete is).
    /// </summary>
    public bool DeleteHeld { get; init; }

    /// <summary>True when the pass would delete the group if it was written back, as far as the delta round knows.</summary>
    public bool WouldDelete => Mode == GroupPassMode.Delete || InScopeAtRound == false;

    /// <summary>A delta request, or a snapshot when the member lists are too large to carry.</summary>
    public static GroupPassRequest FromDelta(string groupId, bool deleted, IReadOnlyList<string> added, IReadOnlyList<string> removed)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        if (deleted)
        {
            return new GroupPassRequest { GroupId = groupId, DeletedInCloud = true, Mode = GroupPassMode.Delete, DeleteReason = DeleteReasons.DeletedInCloud };
        }

        return added.Count + removed.Count > MaxDeltaMemberIds
            ? new GroupPassRequest { GroupId = groupId, Mode = GroupPassMode.Snapshot }
            : new GroupPassRequest { GroupId = groupId, AddedMemberIds = added, RemovedMemberIds = removed };
    }

    /// <summary>
    /// Folds a later request into this one: the later delete or snapshot wins, member changes are
    /// applied in order (a member added then removed ends up removed).
    /// </summary>
    public GroupPassRequest Then(GroupPassRequest later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var merged = MergedWith(later);
        return merged with { Trace = Trace ?? later.Trace };
    }

    private GroupPassRequest MergedWith(GroupPassRequest later)
    {
        IReadOnlyList<string> notify = [.. NotifyInstanceIds.Union(later.NotifyInstanceIds, StringComparer.Ordinal)];
        if (IsWritebackDisabledDelete && !later.IsWritebackDisabledDelete)
        {
            // Writeback is off from the moment a disable run queues its deletes: nothing later may keep the group.
            return this with { NotifyInstanceIds = notify };
        }

        if (later.Mode != GroupPassMode.Delta)
        {
            // A later delete or snapshot was decided on its own (a full sync's or disable's guard): it keeps its hold.
            return later with { NotifyInstanceIds = notify };
        }

        // The later scope decision is the newer one; a hold is kept until a pass has run with it.
        var merged = Merged(later, notify);
        return merged with
        {
            InScopeAtRound = later.InScopeAtRound ?? InScopeAtRound,
            DeleteHeld = DeleteHeld || later.DeleteHeld,
            MembersSkippedAtRound = MembersSkippedAtRound + later.MembersSkippedAtRound,
        };
    }

    private GroupPassRequest Merged(GroupPassRequest later, IReadOnlyList<string> notify)
    {
        if (Mode != GroupPassMode.Delta)
        {
            // A snapshot already covers any member change; a change after a delete request means
            // the group is alive, so it is re-planned from its complete state.
            return this with { Mode = GroupPassMode.Snapshot, DeletedInCloud = false, DeleteReason = null, NotifyInstanceIds = notify };
        }

        var added = new List<string>(AddedMemberIds.Except(later.RemovedMemberIds, StringComparer.OrdinalIgnoreCase));
        var removed = new List<string>(RemovedMemberIds.Except(later.AddedMemberIds, StringComparer.OrdinalIgnoreCase));
        added.AddRange(later.AddedMemberIds.Except(added, StringComparer.OrdinalIgnoreCase));
        removed.AddRange(later.RemovedMemberIds.Except(removed, StringComparer.OrdinalIgnoreCase));
        var merged = FromDelta(GroupId, deleted: false, added, removed);
        return merged with { NotifyInstanceIds = notify, Origin = later.Origin };
    }
}
