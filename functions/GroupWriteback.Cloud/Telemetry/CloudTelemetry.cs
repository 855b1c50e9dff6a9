using System.Diagnostics;
using System.Diagnostics.Metrics;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Cloud.Telemetry;

/// <summary>
/// The cloud library's OpenTelemetry instruments outside orchestrations: one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/>, both named <see cref="Name"/>. The meter comes from the host's <see cref="IMeterFactory"/>.
/// Orchestrator code replays, so the pass counters live apart, in <see cref="PassTelemetry"/>.
/// </summary>
internal sealed class CloudTelemetry
{
    /// <summary>The name of the cloud's activity source and meters.</summary>
    public const string Name = "GroupWriteback.Cloud";

    /// <summary>Spans of the cloud library (notification handling, command publishing).</summary>
    public static readonly ActivitySource Source = new(Name, typeof(CloudTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailed;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    public CloudTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(Name, Source.Version);
        _published = Meter.CreateCounter<long>(CloudInstrumentNames.CommandsPublished, "{command}", "Commands queued for the agent.");
        _publishFailed = Meter.CreateCounter<long>(CloudInstrumentNames.CommandsPublishFailed, "{command}", "Commands the queue refused or could not be reached for (the activity is retried).");
    }

    /// <summary>The meter the instruments live on.</summary>
    public Meter Meter { get; }

    /// <summary>Counts commands queued, by kind.</summary>
    public void Published(IReadOnlyList<WritebackCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var kind in commands.GroupBy(c => c.Kind))
        {
            _published.Add(kind.Count(), new KeyValuePair<string, object?>(CloudTagNames.CommandKind, kind.Key));
        }
    }

    /// <summary>Counts commands that could not be queued, by kind and the error's type.</summary>
    public void PublishFailed(IReadOnlyList<WritebackCommand> commands, Exception error)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var kind in commands.GroupBy(c => c.Kind))
        {
            _publishFailed.Add(kind.Count(), new(CloudTagNames.CommandKind, kind.Key), new(CloudTagNames.Reason, error.GetType().Name));
        }
    }

    /// <summary>
    /// Starts the span in which a group's pass is started or signalled, in the trace of <paramref name="cause"/> when
    /// there is one, or null when nothing listens.
    /// </summary>
    public static Activity? StartGroupPass(string groupId, TraceLink? cause)
    {
        ActivityContext parent = default;
        if (cause is not null)
        {
            _ = ActivityContext.TryParse(cause.TraceParent, cause.TraceState, out parent);
        }

        var span = Source.StartActivity("start group pass", ActivityKind.Internal, parent);
        span?.SetTag(CloudTagNames.GroupId, groupId);
        return span;
    }

    /// <summary>Starts the span of one Graph change notification call, or null when nothing listens.</summary>
    public static Activity? StartNotification() => Source.StartActivity("graph notification", ActivityKind.Internal);
}
