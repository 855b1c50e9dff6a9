using System.Diagnostics.Metrics;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Telemetry;

/// <summary>
/// Counters of the agent's results as the cloud receives them: what was applied and what failed, by command kind
/// and reason, seen from the cloud (where Azure Monitor collects), not only from the agent's own metrics. The meter
/// is static, as <see cref="PassTelemetry"/>'s, so the result dispatcher counts without a host service.
/// </summary>
internal static class ResultTelemetry
{
    private static readonly Meter Meter = new(CloudTelemetry.Name, CloudTelemetry.Source.Version);
    private static readonly Counter<long> Received = Meter.CreateCounter<long>(
        CloudInstrumentNames.ResultsReceived, "{result}", "Results of the agent delivered to the workflow waiting for them.");

    private static readonly Counter<long> MembersWritten = Meter.CreateCounter<long>(
        CloudInstrumentNames.MembersWritten, "{member}", "Member links the agent reported added or removed.");

    /// <summary>Counts one delivered result.</summary>
    public static void Delivered(WritebackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var kind = new KeyValuePair<string, object?>(CloudTagNames.CommandKind, result.CommandKind);
        var outcome = new KeyValuePair<string, object?>(CloudTagNames.Outcome, result.Outcome.ToString());
        var reason = new KeyValuePair<string, object?>(CloudTagNames.Reason, result.Outcome == ResultOutcome.Failed ? result.Reason.ToString() : "none");
        Received.Add(1, kind, outcome, reason);
        if (result.MembersAdded > 0)
        {
            MembersWritten.Add(result.MembersAdded, kind, new(CloudTagNames.Change, "added"));
        }

        if (result.MembersRemoved > 0)
        {
            MembersWritten.Add(result.MembersRemoved, kind, new(CloudTagNames.Change, "removed"));
        }
    }
}
