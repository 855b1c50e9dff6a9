using System.Text.Json.Serialization;

namespace GroupWriteback.Contracts.Commands;

/// <summary>
/// One chunk of the complete cloud membership of a group. When all chunks of a snapshot have
/// arrived the agent makes AD's membership equal to their union: it adds what is missing and
/// removes what the cloud does not have (drift repair).
/// </summary>
public sealed record MembershipSnapshotCommand : WritebackCommand
{
    /// <summary>Id shared by all chunks of one snapshot.</summary>
    public required string SnapshotId { get; init; }

    /// <summary>Zero-based chunk index.</summary>
    public required int ChunkIndex { get; init; }

    /// <summary>Number of chunks in the snapshot (at least 1; an empty group is one empty chunk).</summary>
    public required int ChunkCount { get; init; }

    /// <summary>Members in this chunk.</summary>
    public IReadOnlyList<MemberReference> Members { get; init; } = [];

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => CommandKinds.MembershipSnapshot;
}
