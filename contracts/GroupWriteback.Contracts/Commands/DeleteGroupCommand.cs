using System.Text.Json.Serialization;

namespace GroupWriteback.Contracts.Commands;

/// <summary>Delete the object carrying the group's anchor, if it is inside scope.</summary>
public sealed record DeleteGroupCommand : WritebackCommand
{
    /// <summary>Why: "deletedInCloud", "outOfScope", "writebackDisabled".</summary>
    public string Reason { get; init; } = "deletedInCloud";

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => CommandKinds.DeleteGroup;
}
