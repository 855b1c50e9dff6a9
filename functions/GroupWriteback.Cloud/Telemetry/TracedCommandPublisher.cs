using System.Diagnostics;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Transport;

namespace GroupWriteback.Cloud.Telemetry;

/// <summary>
/// Queues commands inside a producer span and stamps each with that span's W3C trace context
/// (<see cref="WritebackCommand.TraceParent"/>), so the agent's span that applies it continues the same trace.
/// With nothing listening there is no span, and a command carries the caller's context if it has one, else none.
/// </summary>
public sealed class TracedCommandPublisher(ICommandPublisher inner, CloudTelemetry telemetry) : ICommandPublisher
{
    /// <summary>The transport's publisher this one wraps.</summary>
    public ICommandPublisher Inner { get; } = inner;

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        using var span = CloudTelemetry.Source.StartActivity("publish commands", ActivityKind.Producer);
        span?.SetTag(CloudTagNames.CommandCount, commands.Count);
        if (commands.Select(c => c.GroupId).Distinct().Take(2).Count() == 1)
        {
            span?.SetTag(CloudTagNames.GroupId, commands[0].GroupId);
        }

        var context = span ?? Activity.Current;
        var stamped = context is not { IdFormat: ActivityIdFormat.W3C }
            ? commands
            : commands.Select(c => c with { TraceParent = context!.Id, TraceState = context.TraceStateString }).ToList();
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
}
