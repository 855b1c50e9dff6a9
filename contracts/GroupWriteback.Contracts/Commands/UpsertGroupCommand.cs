using System.Text.Json.Serialization;

namespace GroupWriteback.Contracts.Commands;

/// <summary>
/// Desired state of one group: the agent creates it, or updates, renames and moves the object
/// carrying the group's anchor until it matches.
/// </summary>
public sealed record UpsertGroupCommand : WritebackCommand
{
    /// <summary>What the group is in Entra ID.</summary>
    public required CloudGroupKind CloudKind { get; init; }

    /// <summary>What the group becomes on-premises.</summary>
    public required OnPremisesGroupType GroupType { get; init; }

    /// <summary>How the CN is derived.</summary>
    public NamingScheme Naming { get; init; } = NamingScheme.ObjectId;

    /// <summary>The OU the group must live in (must be inside the agent's configured scope).</summary>
    public required string TargetOu { get; init; }

    /// <summary>Attributes to write.</summary>
    public required GroupAttributes Attributes { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => CommandKinds.UpsertGroup;
}
