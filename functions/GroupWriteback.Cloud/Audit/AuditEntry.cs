namespace GroupWriteback.Cloud.Audit;

/// <summary>
/// One line of the audit trail: a result the cloud received from an agent (<see cref="AuditKinds.Command"/>) or an
/// operator's decision (<see cref="AuditKinds.Approval"/>). Kept for <see cref="AuditOptions.RetentionDays"/>.
/// </summary>
/// <param name="Id">Unique and deterministic: a redelivered result overwrites its own entry instead of adding one.</param>
/// <param name="Time">When the agent finished the command, or when the decision was taken.</param>
/// <param name="Kind"><see cref="AuditKinds.Command"/> or <see cref="AuditKinds.Approval"/>.</param>
/// <param name="GroupId">The group, when the entry concerns one.</param>
/// <param name="DistinguishedName">The group's DN after the command.</param>
/// <param name="CommandKind">The command's kind (<c>upsertGroup</c>, …), or the workflow an approval was for.</param>
/// <param name="CommandId">The command answered, or the instance an approval was raised on.</param>
/// <param name="Changes">What changed, briefly: created, renamed or moved, members added and removed.</param>
/// <param name="Outcome"><c>applied</c>, <c>noOp</c>, <c>pending</c>, <c>failed</c>; <c>approved</c> or <c>rejected</c> for an approval.</param>
/// <param name="FailureReason">Why a command failed; null when it did not.</param>
/// <param name="Message">The agent's detail, or the operator's comment.</param>
/// <param name="TraceId">The W3C trace id of the change that queued the command.</param>
/// <param name="Actor">Who decided (approvals); the agent's id for a command.</param>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset Time,
    string Kind,
    string? GroupId,
    string? DistinguishedName,
    string? CommandKind,
    string? CommandId,
    string? Changes,
    string Outcome,
    string? FailureReason,
    string? Message,
    string? TraceId,
    string? Actor);
