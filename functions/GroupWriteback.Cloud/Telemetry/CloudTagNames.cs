namespace GroupWriteback.Cloud.Telemetry;

/// <summary>Tag (attribute) names on the cloud's spans and instruments; the agent uses the same ones.</summary>
internal static class CloudTagNames
{
    /// <summary>The command's kind (<c>upsertGroup</c>, …).</summary>
    public const string CommandKind = "command.kind";

    /// <summary>Why something failed.</summary>
    public const string Reason = "reason";

    /// <summary>A pass's outcome, as <c>GroupStatus.LastOutcome</c> reports it.</summary>
    public const string Outcome = "outcome";

    /// <summary>The group's Entra object id (spans only).</summary>
    public const string GroupId = "group.id";

    /// <summary>How many commands one publication queued (spans only).</summary>
    public const string CommandCount = "messaging.batch.message_count";

    /// <summary>The HTTP status a notification call was answered with (spans only).</summary>
    public const string StatusCode = "http.response.status_code";

    /// <summary>How member links changed: <c>added</c> or <c>removed</c>.</summary>
    public const string Change = "member.change";
}
