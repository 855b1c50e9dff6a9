namespace GroupWriteback.Cloud.Telemetry;

/// <summary>Names of the cloud library's instruments (OpenTelemetry style).</summary>
internal static class CloudInstrumentNames
{
    /// <summary>Counter: commands queued for the agent; tag <c>command.kind</c>.</summary>
    public const string CommandsPublished = "groupwriteback.cloud.commands.published";

    /// <summary>Counter: commands that could not be queued; tags <c>command.kind</c>, <c>reason</c> (exception type).</summary>
    public const string CommandsPublishFailed = "groupwriteback.cloud.commands.publish_failed";

    /// <summary>Counter: group passes started.</summary>
    public const string PassesStarted = "groupwriteback.cloud.passes.started";

    /// <summary>Counter: group passes that ended without a failed command; tag <c>outcome</c> (succeeded, partial, deleted, skipped, rejected).</summary>
    public const string PassesCompleted = "groupwriteback.cloud.passes.completed";

    /// <summary>Counter: group passes with a failed or unanswered command; tag <c>outcome</c> (failed, timedOut).</summary>
    public const string PassesFailed = "groupwriteback.cloud.passes.failed";

    /// <summary>Counter: agent results delivered to their workflow; tags <c>command.kind</c>, <c>outcome</c>, <c>reason</c> (a failure's reason, else <c>none</c>).</summary>
    public const string ResultsReceived = "groupwriteback.cloud.results.received";

    /// <summary>Counter: member links the agent reported written; tags <c>command.kind</c>, <c>member.change</c> (added, removed).</summary>
    public const string MembersWritten = "groupwriteback.cloud.members.written";
}
