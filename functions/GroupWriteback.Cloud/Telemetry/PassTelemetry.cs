using System.Diagnostics.Metrics;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Telemetry;

/// <summary>
/// Pass counters, counted from orchestrator code. An orchestrator runs again from the start on every replay and
/// is created without the host's services, so the meter is static and nothing is counted while replaying: each
/// pass is counted once, when its step first runs.
/// </summary>
internal static class PassTelemetry
{
    private static readonly Meter Meter = new(CloudTelemetry.Name, CloudTelemetry.Source.Version);
    private static readonly Counter<long> Started = Meter.CreateCounter<long>(CloudInstrumentNames.PassesStarted, "{pass}", "Group passes started.");
    private static readonly Counter<long> Completed = Meter.CreateCounter<long>(CloudInstrumentNames.PassesCompleted, "{pass}", "Group passes that ended without a failed command.");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(CloudInstrumentNames.PassesFailed, "{pass}", "Group passes with a failed or unanswered command.");

    /// <summary>Counts a pass that starts now.</summary>
    public static void PassStarted(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsReplaying)
        {
            Started.Add(1);
        }
    }

    /// <summary>Counts a pass that ended with <paramref name="status"/>.</summary>
    public static void PassFinished(TaskOrchestrationContext context, GroupStatus status)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(status);
        if (context.IsReplaying)
        {
            return;
        }

        var outcome = status.LastOutcome ?? "unknown";
        var tag = new KeyValuePair<string, object?>(CloudTagNames.Outcome, outcome);
        if (outcome is "failed" or "timedOut")
        {
            Failed.Add(1, tag);
        }
        else
        {
            Completed.Add(1, tag);
        }
    }
}
