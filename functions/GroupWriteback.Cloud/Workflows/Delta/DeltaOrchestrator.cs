using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Approvals;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.Cloud.Workflows.Group;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Workflows.Delta;

/// <summary>
/// The singleton delta reader (instance id <see cref="InstanceIds.Delta"/>). Each generation waits
/// for <see cref="EventNames.DeltaRequested"/>, merges the rest of the burst (quiet window, capped),
/// reads one delta round page by page, merges each group's entries, guards mass deletes (deleted in the
/// cloud and leaving scope, counted together), starts or signals the changed groups a bounded number at a
/// time, stores the new deltaLink and continues as new; a signal that arrived meanwhile starts the next round at once. Without a usable deltaLink
/// (first run, 410 Gone) it re-bases on the latest token and starts a full sync, which covers
/// everything before it.
/// </summary>
[DurableTask(nameof(DeltaOrchestrator))]
public sealed class DeltaOrchestrator : TaskOrchestrator<DeltaState?, DeltaState>
{
    /// <inheritdoc />
    public override async Task<DeltaState> RunAsync(TaskOrchestrationContext context, DeltaState? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.CreateReplaySafeLogger<DeltaOrchestrator>();
        var state = (input ?? new DeltaState()) with { Phase = DeltaPhase.Idle, Preview = null };
        context.SetCustomStatus(state);

        // The round continues the trace of the signal that started it; signals merged into it are counted.
        var trace = state.SignalPending
            ? state.PendingTrace
            : (await context.WaitForExternalEvent<DeltaSignal?>(EventNames.DeltaRequested))?.Trace;

        var limits = await context.CallActivityAsync<WorkflowLimits>(nameof(GetWorkflowLimitsActivity));
        state = Show(context, state with { Phase = DeltaPhase.Debouncing, SignalPending = false, PendingTrace = null });
        var merged = await DebounceAsync(context, limits);
        state = Show(context, state with { Phase = DeltaPhase.Reading, SignalsMerged = state.SignalsMerged + merged });

        var round = state.DeltaLink is null ? null : await ReadRoundAsync(context, state.DeltaLink);
        if (round is null)
        {
            var reason = state.DeltaLink is null ? "initialRound" : "deltaTokenExpired";
            if (state.DeltaLink is not null)
            {
                Log.DeltaTokenExpired(logger);
            }

            // The link first: a change after it is in the next round, a change before it in the full sync's listing.
            var latest = await context.CallActivityAsync<string>(nameof(GetLatestDeltaLinkActivity), input: null, ActivityRetry.External);
            await context.CallActivityAsync<bool>(nameof(StartFullSyncActivity), reason);
            state = state with { DeltaLink = latest, Rebases = state.Rebases + 1, Rounds = state.Rounds + 1, LastRoundAt = context.CurrentUtcDateTime, LastRoundGroups = 0 };
        }
        else
        {
            var (requests, approval) = await GuardDeletesAsync(context, state, round.Value.Requests, limits, logger);
            state = Show(context, state with { Phase = DeltaPhase.FanningOut, Preview = null, LastApproval = approval?.Outcome ?? state.LastApproval, LastDecision = approval ?? state.LastDecision });
            await FanOutAsync(context, [.. requests.Select(r => r with { Trace = r.Trace ?? trace })], limits.FanOut);
            state = state with { DeltaLink = round.Value.DeltaLink, Rounds = state.Rounds + 1, LastRoundAt = context.CurrentUtcDateTime, LastRoundGroups = requests.Count };
            Log.DeltaRoundFinished(logger, state.Rounds, requests.Count, merged);
        }

        var arrived = BufferedEvents.TakeAll<DeltaSignal?>(context, EventNames.DeltaRequested);
        state = state with
        {
            Phase = DeltaPhase.Idle,
            SignalPending = arrived.Count > 0,
            PendingTrace = arrived.Select(s => s?.Trace).FirstOrDefault(t => t is not null),
            SignalsMerged = state.SignalsMerged + Math.Max(0, arrived.Count - 1),
        };
        context.SetCustomStatus(state);
        context.ContinueAsNew(state, preserveUnprocessedEvents: true);
        return state;
    }

    /// <summary>Starts or signals each group, at most <paramref name="fanOut"/> at a time.</summary>
    internal static async Task FanOutAsync(TaskOrchestrationContext context, IReadOnlyList<GroupPassRequest> requests, int fanOut)
    {
        foreach (var batch in requests.Chunk(Math.Max(1, fanOut)))
        {
            await Task.WhenAll(batch.Select(r => context.CallActivityAsync<string>(nameof(EnsureGroupPassActivity), r)));
        }
    }

    private static DeltaState Show(TaskOrchestrationContext context, DeltaState state)
    {
        context.SetCustomStatus(state);
        return state;
    }

    private static async Task<int> DebounceAsync(TaskOrchestrationContext context, WorkflowLimits limits)
    {
        if (limits.DebounceWindow <= TimeSpan.Zero)
        {
            return 0;
        }

        var merged = 0;
        var until = context.CurrentUtcDateTime + limits.MaxDebounce;
        while (context.CurrentUtcDateTime < until)
        {
            var window = until - context.CurrentUtcDateTime;
            try
            {
                await context.WaitForExternalEvent<DeltaSignal?>(EventNames.DeltaRequested, window < limits.DebounceWindow ? window : limits.DebounceWindow);
                merged++;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return merged;
    }

    private static async Task<(IReadOnlyList<GroupPassRequest> Requests, string DeltaLink)?> ReadRoundAsync(TaskOrchestrationContext context, string link)
    {
        // Keyed merge keeps the order in which groups first appeared in the round.
        var order = new List<string>();
        var byGroup = new Dictionary<string, GroupPassRequest>(StringComparer.OrdinalIgnoreCase);
        string? next = link;
        while (true)
        {
            var page = await context.CallActivityAsync<DeltaPageResult>(nameof(ReadDeltaPageActivity), next, ActivityRetry.External);
            if (page.Expired)
            {
                return null;
            }

            foreach (var request in page.Requests)
            {
                if (byGroup.TryGetValue(request.GroupId, out var earlier))
                {
                    byGroup[request.GroupId] = earlier.Then(request);
                }
                else
                {
                    order.Add(request.GroupId);
                    byGroup[request.GroupId] = request;
                }
            }

            if (page.NextLink is null)
            {
                return (order.Select(id => byGroup[id]).ToList(), page.DeltaLink ?? link);
            }

            next = page.NextLink;
        }
    }

    /// <summary>
    /// Counts every group the round would delete from AD: deleted in the cloud, or found out of scope when the
    /// page was read. Over the threshold (counting written-back groups only) the round pauses; then every pass
    /// it starts is told whether it may delete: only the groups the operator approved may go, a rejection or
    /// timeout drops their requests, and no other pass of the round deletes anything.
    /// </summary>
    private static async Task<(IReadOnlyList<GroupPassRequest> Requests, ApprovalRecord? Approval)> GuardDeletesAsync(
        TaskOrchestrationContext context, DeltaState state, IReadOnlyList<GroupPassRequest> requests, WorkflowLimits limits, ILogger logger)
    {
        var deletes = requests.Where(r => r.WouldDelete).Select(r => r.GroupId).ToList();
        if (!DeleteGuard.Exceeds(deletes.Count, limits.DeleteThreshold))
        {
            return (requests, null);
        }

        var writtenBack = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(FindWrittenBackGroupsActivity), deletes);
        if (!DeleteGuard.Exceeds(writtenBack.Count, limits.DeleteThreshold))
        {
            return (requests, null);
        }

        Log.AwaitingApproval(logger, context.InstanceId, writtenBack.Count, "groups", limits.DeleteThreshold);
        var preview = DeletePreview.Of(DeleteGuard.NewPreviewId(context), "groups", writtenBack, limits.DeleteThreshold);
        Show(context, state with { Phase = DeltaPhase.AwaitingApproval, Preview = preview });
        var approval = await DeleteGuard.AwaitDecisionAsync(context, preview, limits.ApprovalTimeout, logger);
        if (approval.Outcome == ApprovalOutcome.Approved)
        {
            return ([.. requests.Select(r => r.WouldDelete ? r : r with { DeleteHeld = true })], approval);
        }

        Log.DeletesNotApproved(logger, context.InstanceId, writtenBack.Count, "groups", approval.Outcome);
        return ([.. requests.Where(r => !r.WouldDelete).Select(r => r with { DeleteHeld = true })], approval);
    }
}
