using System.Text.Json.Serialization;

namespace GroupWriteback.Contracts.Commands;

/// <summary>
/// A command queued by the cloud half for the agent. The JSON carries a <c>kind</c>
/// discriminator; the queue's session id is <see cref="GroupId"/> (per-group FIFO) and its
/// message id is <see cref="CommandId"/> (duplicate detection).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(UpsertGroupCommand), CommandKinds.UpsertGroup)]
[JsonDerivedType(typeof(ChangeMembershipCommand), CommandKinds.ChangeMembership)]
[JsonDerivedType(typeof(MembershipSnapshotCommand), CommandKinds.MembershipSnapshot)]
[JsonDerivedType(typeof(DeleteGroupCommand), CommandKinds.DeleteGroup)]
[JsonDerivedType(typeof(GrantPermissionsCommand), CommandKinds.GrantPermissions)]
public abstract record WritebackCommand
{
    /// <summary>Wire format version of this command.</summary>
    public int Version { get; init; } = WireFormat.Version;

    /// <summary>Deterministic id: the same intent always yields the same id.</summary>
    public required string CommandId { get; init; }

    /// <summary>Entra object id of the group (the session id). Grants use a fixed pseudo-group.</summary>
    public required string GroupId { get; init; }

    /// <summary>Durable orchestration instance that waits for the result, if any.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>When the cloud created the command.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>
    /// W3C trace context (<c>traceparent</c>) of the cloud span that queued the command, so the agent's span that
    /// applies it joins the same trace. Optional: absent on older messages and when the cloud records no trace.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>W3C <c>tracestate</c> that goes with <see cref="TraceParent"/>, if any.</summary>
    public string? TraceState { get; init; }

    /// <summary>The discriminator value of this command, for logs and results.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}
