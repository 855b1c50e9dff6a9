using System.Diagnostics;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Transport;

namespace GroupWriteback.Cloud.Telemetry;

/// <summary>
/// Queues commands inside a producer span and stamps each with that span's W3C trace context
/// (<see cref="WritebackCommand.TraceParent"/>), so the agent's span that applies it continues the same trace.
/// Commands that arrive carrying a context (the trace of the notification or request that caused the pass, see
/// <see cref="TraceLink"/>) are published in a span of that trace, linked to the workflow span it runs in.
/// With nothing listening there is no span, and a command keeps the context it carries, else the caller's, else none.
/// </summary>
internal sealed class TracedCommandPublisher(ICommandPublisher inner, CloudTelemetry telemetry) : ICommandPublisher
{
    /// <summary>The transport's publisher this one wraps.</summary>
    public ICommandPublisher Inner { get; } = inner;

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        using var span = StartSpan(commands);
        span?.SetTag(CloudTagNames.CommandCount, commands.Count);
        if (commands.Select(c => c.GroupId).Distinct().Take(2).Count() == 1)
        {
            span?.SetTag(CloudTagNames.GroupId, commands[0].GroupId);
        }

        var stamped = span is { IdFormat: ActivityIdFormat.W3C }
            ? commands.Select(c => c with { TraceParent = span.Id, TraceState = span.TraceStateString }).ToList()
            : TraceLink.Stamp(commands, TraceLink.Current());
        try
        {
            await Inner.PublishAsync(stamped, cancellationToken);
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            telemetry.PublishFailed(commands, ex);
            throw;
        }

        telemetry.Published(commands);
    }

    private static Activity? StartSpan(IReadOnlyList<WritebackCommand> commands)
    {
        if (commands.Count == 0 || TraceLink.Of(commands[0]) is not { } cause)
        {
            return CloudTelemetry.Source.StartActivity("publish commands", ActivityKind.Producer);
        }

        IEnumerable<ActivityLink>? links = Activity.Current is { } workflow ? [new ActivityLink(workflow.Context)] : null;
        return CloudTelemetry.Source.StartActivity("publish commands", ActivityKind.Producer, cause, links: links);
    }
}
