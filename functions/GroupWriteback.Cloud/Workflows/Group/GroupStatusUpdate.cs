using System.Globalization;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Folds a pass's results into the group's status.</summary>
internal static class GroupStatusUpdate
{
    /// <summary>The status after the pass.</summary>
    public static GroupStatus Apply(GroupStatus status, GroupPlan plan, SnapshotQueued? snapshot, ResultTally tally, DateTimeOffset now, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tally);
        var results = tally.Results;
        var failed = results.Where(r => !r.Succeeded).ToList();
        var upsert = results.FirstOrDefault(r => r.CommandKind == CommandKinds.UpsertGroup);
        var deleted = plan.Action == PlanAction.Delete && results.Any(r => r.CommandKind == CommandKinds.DeleteGroup && r.Succeeded);

        // An upsert that timed out may still be applied later, so the group counts as written back
        // unless the agent answered that it refused it.
        var writtenBack = status.WrittenBack
            || (plan.Upsert is not null && upsert is null)
            || upsert is { Succeeded: true };
        writtenBack &= !deleted;

        var withDn = results.LastOrDefault(r => r.DistinguishedName is not null);
        var complete = failed.Count == 0 && tally.Missing.Count == 0;
        var after = status with
        {
            Phase = deleted ? GroupPhase.Deleted : GroupPhase.Idle,
            WrittenBack = writtenBack,
            DisplayName = plan.DisplayName ?? status.DisplayName,
            DistinguishedName = deleted ? null : withDn?.DistinguishedName ?? status.DistinguishedName,
            ObjectGuid = deleted ? null : results.LastOrDefault(r => r.ObjectGuid is not null)?.ObjectGuid ?? status.ObjectGuid,
            LastOutcome = Outcome(deleted, failed.Count, tally.Missing.Count, note),
            LastError = Error(status.GroupId, failed, tally) ?? note,
            SkipReason = null,
            MembersWritten = results.Sum(r => r.MembersAdded + r.MembersRemoved),
            MembersSkipped = plan.MembersSkipped + (snapshot?.MembersSkipped ?? 0) + results.Sum(r => r.SkippedMembers.Count),
            MembersSkippedBy = SkippedBy(plan, snapshot, results),
            KnownMemberCount = deleted ? null : KnownMembers(status, plan, snapshot, complete),
            UpsertIntentHash = upsert is { Succeeded: true } || plan.Upsert is null ? plan.UpsertIntentHash : null,
            RefusedIntentHash = upsert is { Succeeded: false, Reason: not FailureReason.Transient } ? plan.UpsertIntentHash
                : upsert is { Succeeded: true } ? null
                : status.RefusedIntentHash,
            LastPassAt = now,
            Preview = null,
        };
        return PassRetry.Schedule(after, status.TransientFailures, failed, plan.Limits, now);
    }

    /// <summary>The pass's skipped members by reason: by type (round or snapshot), without identity, not found by the agent.</summary>
    public static IReadOnlyDictionary<string, int> SkippedBy(GroupPlan plan, SnapshotQueued? snapshot, IReadOnlyList<WritebackResult> results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var byType = plan.MemberTypesSkipped + (snapshot?.MemberTypesSkipped ?? 0);
        var noIdentity = plan.MembersSkipped - plan.MemberTypesSkipped + (snapshot is null ? 0 : snapshot.MembersSkipped - snapshot.MemberTypesSkipped);
        return MemberSkipReasons.Counts(byType, noIdentity, results.Sum(r => r.SkippedMembers.Count));
    }

    private static string Outcome(bool deleted, int failed, int missing, string? note) =>
        missing > 0 ? "timedOut"
        : failed > 0 ? "failed"
        : deleted ? "deleted"
        : note is not null ? "partial"
        : "succeeded";

    private static string? Error(string groupId, List<WritebackResult> failed, ResultTally tally)
    {
        if (failed.Count > 0)
        {
            var first = failed[0];
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Group {groupId}: {failed.Count} command(s) failed; first {first.CommandKind} {first.CommandId}: {first.Reason} at {first.DistinguishedName ?? "(no DN)"}: {first.Message}");
        }

        return tally.Missing.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Group {groupId}: no result for {tally.Missing.Count} command(s) after {tally.Requeues} re-queue(s).")
            : null;
    }

    private static int? KnownMembers(GroupStatus status, GroupPlan plan, SnapshotQueued? snapshot, bool complete)
    {
        if (!complete)
        {
            return status.KnownMemberCount;
        }

        if (snapshot is { Published: true })
        {
            return snapshot.MemberCount;
        }

        return status.KnownMemberCount is { } known ? Math.Max(0, known + plan.MembersAdded - plan.MembersRemoved) : null;
    }
}
