using GroupWriteback.Cloud.Workflows.Delta;
using GroupWriteback.Cloud.Workflows.FullSync;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Api;

/// <summary>Reads the singleton workflows' state from their orchestration metadata.</summary>
internal static class WorkflowReports
{
    /// <summary>A full sync or disable run: its output once completed, else its custom status.</summary>
    public static WorkflowReport From(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var status = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null
            ? metadata.ReadOutputAs<FullSyncStatus>()
            : metadata.SerializedCustomStatus is not null ? metadata.ReadCustomStatusAs<FullSyncStatus>() : null;
        var done = status?.Done ?? 0;
        var total = status?.Total ?? 0;
        var (rate, eta) = Progress(done, total, metadata.CreatedAt, metadata.LastUpdatedAt, metadata.IsRunning);
        return new WorkflowReport(
            metadata.InstanceId,
            RuntimeStatus(metadata),
            status?.Reason,
            status?.Phase,
            status?.Done ?? 0,
            status?.Total ?? 0,
            status?.Unconfirmed ?? 0,
            status?.DeleteCandidates ?? 0,
            status?.DeleteDecision,
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            rate,
            eta)
        {
            Approval = status?.Approval,
        };
    }

    /// <summary>
    /// The rate of a run from its start to its last update (the last group it counted) and, while it runs, the time the
    /// remaining groups would take at that rate after that update. No rate before the first group is done.
    /// </summary>
    public static (double? GroupsPerSecond, DateTimeOffset? EstimatedCompletionAt) Progress(int done, int total, DateTimeOffset startedAt, DateTimeOffset updatedAt, bool running)
    {
        var seconds = (updatedAt - startedAt).TotalSeconds;
        if (done <= 0 || seconds <= 0)
        {
            return (null, null);
        }

        var rate = Math.Round(done / seconds, 2);
        var remaining = Math.Max(0, total - done);
        return (rate, running && remaining > 0 ? updatedAt.AddSeconds(remaining / (done / seconds)) : null);
    }

    /// <summary>The delta workflow, or "notStarted" before its first signal.</summary>
    public static DeltaReport Delta(OrchestrationMetadata? metadata)
    {
        if (metadata is null)
        {
            return new DeltaReport("notStarted", null, 0, 0, false, 0, null);
        }

        var state = metadata.SerializedCustomStatus is not null ? metadata.ReadCustomStatusAs<DeltaState>() : null;
        return new DeltaReport(
            RuntimeStatus(metadata),
            state?.Phase,
            state?.Rounds ?? 0,
            state?.Rebases ?? 0,
            state?.DeltaLink is not null,
            state?.LastRoundGroups ?? 0,
            state?.LastRoundAt)
        {
            LastDecision = state?.LastDecision,
        };
    }

    /// <summary>The runtime status in camelCase, as the rest of the API spells values.</summary>
    public static string RuntimeStatus(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var name = metadata.RuntimeStatus.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
