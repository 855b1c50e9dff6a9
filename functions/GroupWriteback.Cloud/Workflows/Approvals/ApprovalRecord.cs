namespace GroupWriteback.Cloud.Workflows.Approvals;

/// <summary>
/// How a run's wait for an approval ended and who decided, as the run keeps it in its status: the approver is the
/// principal the admin API authenticated (<see cref="ApprovalDecision.By"/>, <see cref="ApprovalDecision.ById"/>),
/// null when nobody answered in time.
/// </summary>
/// <param name="Outcome">Approved, rejected or timed out.</param>
/// <param name="PreviewId">The preview decided on.</param>
/// <param name="By">The approver's name (UPN, display name, or the key callers' configured name).</param>
/// <param name="ById">The approver's Entra object id, or <c>key:&lt;name&gt;</c>.</param>
/// <param name="Comment">The approver's comment.</param>
/// <param name="DecidedAt">When the run saw the decision (orchestration time).</param>
public sealed record ApprovalRecord(ApprovalOutcome Outcome, string PreviewId, string? By, string? ById, string? Comment, DateTimeOffset DecidedAt);
