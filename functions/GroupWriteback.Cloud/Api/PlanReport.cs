using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// Dry run of one group: what a pass would do now. <see cref="Action"/> is "create", "update",
/// "unchanged", "delete" or "skip"; member counts are given for a single-group plan only.
/// </summary>
public sealed record GroupPlanReport(
    string GroupId,
    string? DisplayName,
    string Action,
    string Reason,
    string? TargetOu,
    OnPremisesGroupType? GroupType,
    int? MembersWritable,
    int? MembersSkipped,
    int? KnownMemberCount);

/// <summary>Answer of <c>POST /api/plan</c>: what a full sync would create, change and delete.</summary>
public sealed record TenantPlanReport(
    int GroupsExamined,
    bool Truncated,
    int Create,
    int Update,
    int Unchanged,
    int Delete,
    IReadOnlyList<GroupPlanReport> Changes);

/// <summary>Body of <c>POST /api/plan</c> (optional).</summary>
public sealed record TenantPlanRequest(int? MaxGroups);
