using System.Diagnostics;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Agent.Telemetry;

/// <summary>
/// The span that applies one command. Its parent is the cloud span that queued the command (the command's
/// <see cref="WritebackCommand.TraceParent"/>), so the trace runs from the change notification to the LDAP write.
/// </summary>
internal static class CommandSpan
{
    /// <summary>Starts the span, or returns null when nothing listens to <see cref="AgentTelemetry.Source"/>.</summary>
    public static Activity? Start(WritebackCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // An unreadable trace context is the cloud's problem, not the command's: the span starts a trace of its own.
        var parent = ActivityContext.TryParse(command.TraceParent, command.TraceState, isRemote: true, out var remote)
            ? remote
            : default;
        var span = AgentTelemetry.Source.StartActivity($"apply {command.Kind}", ActivityKind.Consumer, parent);
        span?.SetTag(TagNames.CommandKind, command.Kind);
        span?.SetTag(TagNames.CommandId, command.CommandId);
        span?.SetTag(TagNames.GroupId, command.GroupId);
        return span;
    }

    /// <summary>Puts the result on the span; a failure result marks it as an error named by its reason.</summary>
    public static void Answered(Activity? span, WritebackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (span is null)
        {
            return;
        }

        span.SetTag(TagNames.Outcome, result.Outcome.ToString());
        if (result.Outcome == ResultOutcome.Failed)
        {
            span.SetTag(TagNames.Reason, result.Reason.ToString());
            span.SetStatus(ActivityStatusCode.Error, result.Reason.ToString());
        }
    }

    /// <summary>Marks the span of a command handed back to the queue.</summary>
    public static void Deferred(Activity? span, string reason, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (span is null)
        {
            return;
        }

        span.SetTag(TagNames.Reason, reason);
        span.SetStatus(ActivityStatusCode.Error, $"{reason}: {error.Message}");
    }
}
