using System.Text.Json.Serialization;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Where a per-group orchestration is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GroupPhase>))]
public enum GroupPhase
{
    /// <summary>Waiting for the next change.</summary>
    Idle,

    /// <summary>Reading Graph and planning.</summary>
    Planning,

    /// <summary>Commands queued; waiting for the agent's results.</summary>
    WaitingForAgent,

    /// <summary>Paused: the pass would remove more members than allowed.</summary>
    AwaitingApproval,

    /// <summary>The last pass failed for a transient reason; a durable timer runs it again at <see cref="GroupStatus.RetryAt"/>.</summary>
    RetryWaiting,

    /// <summary>The written-back group was deleted; the orchestration has ended.</summary>
    Deleted,

    /// <summary>The group is not written back; the orchestration has ended.</summary>
    NotWrittenBack,
}
