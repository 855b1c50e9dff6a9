using System.Diagnostics;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Cloud.Telemetry;

/// <summary>
/// The W3C trace context of the call that caused some work (a Graph notification, an admin request), carried in
/// workflow messages so the commands that work queues continue that trace, however many orchestrations,
/// events and generations lie between.
/// </summary>
/// <param name="TraceParent">W3C <c>traceparent</c>.</param>
/// <param name="TraceState">W3C <c>tracestate</c>, if any.</param>
public sealed record TraceLink(string TraceParent, string? TraceState = null)
{
    /// <summary>The context of <see cref="Activity.Current"/>, or null when there is none in the W3C format.</summary>
    public static TraceLink? Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } current ? new TraceLink(id, current.TraceStateString) : null;

    /// <summary>The context a command carries, or null when it carries none that parses.</summary>
    public static ActivityContext? Of(WritebackCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ActivityContext.TryParse(command.TraceParent, command.TraceState, out var parsed) ? parsed : null;
    }

    /// <summary>
    /// <paramref name="commands"/>, each carrying <paramref name="link"/> unless it already carries a context;
    /// the same list when there is no link.
    /// </summary>
    public static IReadOnlyList<WritebackCommand> Stamp(IReadOnlyList<WritebackCommand> commands, TraceLink? link)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return link is null
            ? commands
            : [.. commands.Select(c => c.TraceParent is null ? c with { TraceParent = link.TraceParent, TraceState = link.TraceState } : c)];
    }
}
