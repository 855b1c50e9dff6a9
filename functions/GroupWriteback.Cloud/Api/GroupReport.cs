using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Group;

namespace GroupWriteback.Cloud.Api;

/// <summary>Answer of <c>GET /api/groups/{id}</c>: one group's writeback state.</summary>
public sealed record GroupReport(
    string GroupId,
    string InstanceId,
    string RuntimeStatus,
    GroupPhase Phase,
    bool WrittenBack,
    string? DisplayName,
    string? DistinguishedName,
    Guid? ObjectGuid,
    string? LastOutcome,
    string? LastError,
    string? SkipReason,
    int MembersWritten,
    int MembersSkipped,
    int? KnownMemberCount,
    int Pass,
    DateTimeOffset? LastPassAt,
    DeletePreview? Preview,
    IReadOnlyDictionary<string, int>? MembersSkippedBy = null)
{
    /// <summary>The last decision on removals the group waited for, and who made it.</summary>
    public ApprovalRecord? LastApproval { get; init; }

    /// <summary>The report of a status read from the group's orchestration.</summary>
    public static GroupReport From(string instanceId, string runtimeStatus, GroupStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new GroupReport(
            status.GroupId,
            instanceId,
            runtimeStatus,
            status.Phase,
            status.WrittenBack,
            status.DisplayName,
            status.DistinguishedName,
            status.ObjectGuid,
            status.LastOutcome,
            status.LastError,
            status.SkipReason,
            status.MembersWritten,
            status.MembersSkipped,
            status.KnownMemberCount,
            status.Pass,
            status.LastPassAt,
            status.Preview,
            status.MembersSkippedBy)
        {
            LastApproval = status.LastApproval,
        };
    }
}
