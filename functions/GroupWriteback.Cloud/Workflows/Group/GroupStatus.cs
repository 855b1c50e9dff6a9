using GroupWriteback.Cloud.Workflows.Approvals;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// The state of one group's writeback: carried from pass to pass (ContinueAsNew input), shown as
/// the orchestration's custom status, and returned as its output when it ends.
/// </summary>
public sealed record GroupStatus
{
    /// <summary>Entra object id.</summary>
    public required string GroupId { get; init; }

    /// <summary>Where the orchestration is.</summary>
    public GroupPhase Phase { get; init; } = GroupPhase.Idle;

    /// <summary>Passes run so far (part of every command id).</summary>
    public int Pass { get; init; }

    /// <summary>True once the agent created the group, false after a delete.</summary>
    public bool WrittenBack { get; init; }

    /// <summary>Display name seen in the last pass.</summary>
    public string? DisplayName { get; init; }

    /// <summary>DN reported by the agent.</summary>
    public string? DistinguishedName { get; init; }

    /// <summary>objectGUID reported by the agent.</summary>
    public Guid? ObjectGuid { get; init; }

    /// <summary>"succeeded", "failed", "timedOut", "skipped", "deleted", "rejected".</summary>
    public string? LastOutcome { get; init; }

    /// <summary>Why the last pass did not fully succeed (group id, DN and result code included).</summary>
    public string? LastError { get; init; }

    /// <summary>Why the last pass wrote nothing, when it was skipped.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Members added or removed by the last pass.</summary>
    public int MembersWritten { get; init; }

    /// <summary>Members the last pass could not write (no on-premises identity, or not found on-premises).</summary>
    public int MembersSkipped { get; init; }

    /// <summary>
    /// <see cref="MembersSkipped"/> by reason (<see cref="Planning.MemberSkipReasons"/>): for instance a device leaving
    /// the group shows as <c>{"memberTypeNotWrittenBack": 1}</c>. Empty when nothing was skipped.
    /// </summary>
    public IReadOnlyDictionary<string, int> MembersSkippedBy { get; init; } = new Dictionary<string, int>();

    /// <summary>Members with an on-premises identity after the last pass, when known.</summary>
    public int? KnownMemberCount { get; init; }

    /// <summary>Fingerprint of the last applied upsert.</summary>
    public string? UpsertIntentHash { get; init; }

    /// <summary>
    /// When the current (or last) pass started. Its command ids include it, so a pass numbered like one before a
    /// task hub reset never repeats that pass's ids (the queue would drop them as duplicates).
    /// </summary>
    public DateTimeOffset? PassStartedAt { get; init; }

    /// <summary>When the last pass ended.</summary>
    public DateTimeOffset? LastPassAt { get; init; }

    /// <summary>What would be removed, while <see cref="Phase"/> is <see cref="GroupPhase.AwaitingApproval"/>.</summary>
    public DeletePreview? Preview { get; init; }

    /// <summary>The last decision on removals this group waited for, with who made it.</summary>
    public ApprovalRecord? LastApproval { get; init; }

    /// <summary>Passes in a row that ended in a transient failure (reset by a pass that does not).</summary>
    public int TransientFailures { get; init; }

    /// <summary>When the orchestration runs the failed pass again; null when no retry is due.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>
    /// Fingerprint of a desired group the agent (or the planner, with the agent's rules) refused for good; while the
    /// group's intent is unchanged, passes skip it instead of queuing commands that would be dead-lettered again.
    /// </summary>
    public string? RefusedIntentHash { get; init; }
}
