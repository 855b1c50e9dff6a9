using System.Text.Json.Serialization;

namespace GroupWriteback.Cloud.Workflows.Approvals;

/// <summary>How a paused run ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalOutcome>))]
public enum ApprovalOutcome
{
    /// <summary>An operator approved the preview.</summary>
    Approved,

    /// <summary>An operator rejected the preview.</summary>
    Rejected,

    /// <summary>Nobody answered within the approval timeout; treated as a rejection.</summary>
    TimedOut,
}
