namespace GroupWriteback.Cloud.Workflows.Approvals;

/// <summary>
/// Payload of <see cref="EventNames.DeletesApproved"/> and <see cref="EventNames.DeletesRejected"/>.
/// <paramref name="PreviewId"/> must be the <see cref="DeletePreview.Id"/> the operator saw: a decision
/// about another preview (an earlier one, a double click) is ignored, so it can never approve deletes
/// nobody looked at. <paramref name="By"/> and <paramref name="ById"/> are the signed-in principal's name and id as
/// the admin API authenticated them, never a value the caller typed.
/// </summary>
internal sealed record ApprovalDecision(string PreviewId, string? By = null, string? Comment = null, string? ById = null);
