using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Switch;

namespace GroupWriteback.Cloud.Api;

/// <summary>Answer of <c>GET /api/status</c>.</summary>
/// <param name="WritebackEnabled">False from an approved disable run until <c>POST /api/writeback/enable</c>.</param>
/// <param name="Writeback">When and by which run writeback was disabled, or when it was enabled again.</param>
public sealed record StatusReport(
    bool WritebackEnabled,
    WritebackSwitch Writeback,
    DeltaReport Delta,
    WorkflowReport? FullSync,
    WorkflowReport? DisableWriteback,
    IReadOnlyList<QueueReport> Queues,
    long? DeadLetters,
    AgentHealthReport Agent,
    IReadOnlyList<AgentReport> Agents);

/// <summary>The delta workflow: <c>notStarted</c> until the first signal.</summary>
public sealed record DeltaReport(string RuntimeStatus, DeltaPhase? Phase, int Rounds, int Rebases, bool HasDeltaLink, int LastRoundGroups, DateTimeOffset? LastRoundAt)
{
    /// <summary>The last delete decision a round waited for, and who made it.</summary>
    public ApprovalRecord? LastDecision { get; init; }
}

/// <summary>A full sync or disable run, with its progress.</summary>
/// <param name="GroupsPerSecond">Groups done per second since the run started, once one is done.</param>
/// <param name="EstimatedCompletionAt">When the rest would be done at that rate, while the run goes on.</param>
public sealed record WorkflowReport(
    string InstanceId,
    string RuntimeStatus,
    string? Reason,
    FullSyncPhase? Phase,
    int Done,
    int Total,
    int Unconfirmed,
    int DeleteCandidates,
    string? DeleteDecision,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    double? GroupsPerSecond = null,
    DateTimeOffset? EstimatedCompletionAt = null)
{
    /// <summary>The decision on the run's deletes and who made it (the signed-in approver), once it waited for one.</summary>
    public ApprovalRecord? Approval { get; init; }
}

/// <summary>Counts of one queue; the counts are null and <see cref="Error"/> says why when they could not be read.</summary>
public sealed record QueueReport(string Queue, long? Active, long? InFlight, long? DeadLettered, string? Error);

/// <summary>What the cloud last heard from the agent: "seen" or "unknown".</summary>
public sealed record AgentHealthReport(
    string State,
    string? AgentId,
    DateTimeOffset? LastResultAt,
    string? LastCommandId,
    string? LastGroupId,
    string? LastOutcome,
    string? Error);
