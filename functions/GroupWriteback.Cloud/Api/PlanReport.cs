using GroupWriteback.Contracts;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// Dry run of one group: what a pass would do now. <see cref="Action"/> is "create", "update",
/// "unchanged", "delete" or "skip"; member counts are given for a single-group plan only. For a group written back
/// before, the current name and DN (as the last pass recorded them) stand beside the desired ones, and
/// <see cref="Renamed"/> / <see cref="Moved"/> say whether the pass would rename or move it.
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
    int? KnownMemberCount,
    string? CurrentDisplayName = null,
    string? CurrentDistinguishedName = null,
    int? MembersWritten = null,
    bool? Renamed = null,
    bool? Moved = null);

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
