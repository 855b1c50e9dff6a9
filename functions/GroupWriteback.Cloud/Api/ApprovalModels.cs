using GroupWriteback.Cloud.Workflows.Approvals;

namespace GroupWriteback.Cloud.Api;

/// <summary>A run paused until an operator approves or rejects its deletes.</summary>
/// <param name="InstanceId">The instance to post the decision to.</param>
/// <param name="Workflow">"delta", "fullSync", "disableWriteback" or "group".</param>
/// <param name="GroupId">The group, for a per-group pass.</param>
/// <param name="Preview">What would be deleted.</param>
public sealed record PendingApproval(string InstanceId, string Workflow, string? GroupId, DeletePreview Preview);

/// <summary>Answer of <c>GET /api/approvals</c>.</summary>
public sealed record ApprovalList(IReadOnlyList<PendingApproval> Pending);

/// <summary>
/// Body of <c>POST /api/approvals/{instanceId}</c>: "approve" or "reject", why, and the id of the preview the
/// operator looked at, where the run shows one. <see cref="By"/> is read and ignored: the approver is the signed-in
/// principal (older callers sent their name here).
/// </summary>
public sealed record ApprovalRequest(string? Decision, string? By, string? Comment, string? PreviewId = null);
