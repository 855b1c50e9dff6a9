using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// Input of <see cref="QueueMembershipSnapshotActivity"/>. When the cloud membership has fewer
/// writable members than <paramref name="MinimumMembers"/> nothing is queued, so the orchestration
/// can ask for an approval before the agent removes the difference. The chunks carry <paramref name="Trace"/>, the pass's trace.
/// </summary>
public sealed record SnapshotRequest(string InstanceId, int Pass, string GroupId, int? MinimumMembers, DateTimeOffset? PassStartedAt = null, TraceLink? Trace = null)
{
    /// <summary>
    /// The pass's other commands (its upsert), queued ahead of the chunks in the same publication when the membership
    /// fits one Graph page, so the agent finds a new group's upsert and its snapshot together and writes both in one add;
    /// a larger membership has them queued as soon as its second page is asked for. Empty when already queued.
    /// </summary>
    public IReadOnlyList<WritebackCommand> Ahead { get; init; } = [];
}

/// <summary>Output of <see cref="QueueMembershipSnapshotActivity"/>.</summary>
public sealed record SnapshotQueued
{
    /// <summary>False when held back by <see cref="SnapshotRequest.MinimumMembers"/>.</summary>
    public required bool Published { get; init; }

    /// <summary>Members with an on-premises identity.</summary>
    public required int MemberCount { get; init; }

    /// <summary>Members without one.</summary>
    public int MembersSkipped { get; init; }

    /// <summary>Of <see cref="MembersSkipped"/>, devices, contacts and service principals (never members on-premises).</summary>
    public int MemberTypesSkipped { get; init; }

    /// <summary>Ids of the queued chunk commands.</summary>
    public IReadOnlyList<string> CommandIds { get; init; } = [];
}
