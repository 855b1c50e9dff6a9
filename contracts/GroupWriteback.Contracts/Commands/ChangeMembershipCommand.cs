using System.Text.Json.Serialization;

namespace GroupWriteback.Contracts.Commands;

/// <summary>Incremental membership change (from a delta's <c>members@delta</c>).</summary>
public sealed record ChangeMembershipCommand : WritebackCommand
{
    /// <summary>Members to add (at most <see cref="WireFormat.MaxMembersPerCommand"/> with removes).</summary>
    public IReadOnlyList<MemberReference> Add { get; init; } = [];

    /// <summary>Members to remove.</summary>
    public IReadOnlyList<MemberReference> Remove { get; init; } = [];

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => CommandKinds.ChangeMembership;
}
