using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Telemetry;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// One group's writeback (instance id <c>group-&lt;objectId&gt;</c>). Each generation runs one pass for
/// the requested change merged with every <see cref="EventNames.GroupChangeRequested"/> already
/// queued, tells the orchestrations that asked for it, and continues as new: with the requests that
/// arrived during the pass, or waiting for the next one. A group that is not (or no longer) written
/// back ends the orchestration unless a request is waiting; its output keeps the last status. A pass that failed
/// for a transient reason is run again after a durable timer (<see cref="PassRetry"/>), a bounded number of times.
/// </summary>
[DurableTask(nameof(GroupWritebackOrchestrator))]
public sealed class GroupWritebackOrchestrator : TaskOrchestrator<GroupWritebackInput, GroupStatus>
{
    /// <inheritdoc />
    public override async Task<GroupStatus> RunAsync(TaskOrchestrationContext context, GroupWritebackInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<GroupWritebackOrchestrator>();
        var status = input.Status with { Phase = GroupPhase.Idle, Preview = null };
        context.SetCustomStatus(status);

        var request = input.Request ?? await context.WaitForExternalEvent<GroupPassRequest>(EventNames.GroupChangeRequested);
        request = Merge(request, BufferedEvents.TakeAll<GroupPassRequest>(context, EventNames.GroupChangeRequested));
        PassTelemetry.PassStarted(context);
        status = await new GroupPass(context, logger).RunAsync(request, status);
        PassTelemetry.PassFinished(context, status);

        // The outcome first: an orchestration told that the pass completed (a full sync, disable writeback) may
        // finish and be read at once, and the group's status must not still say the pass is waiting for the agent.
        context.SetCustomStatus(status);
        var completed = new GroupPassCompleted(status.GroupId, status.Pass, status.LastOutcome ?? "unknown");
        await Task.WhenAll(request.NotifyInstanceIds.Select(notify =>
            context.CallActivityAsync<bool>(nameof(NotifyPassCompletedActivity), new PassCompletedNotice(notify, completed))));

        if (status.RetryAt is { } retryAt)
        {
            // A transient failure: wait on a durable timer, then run the same request again (with whatever arrived
            // meanwhile). Those asked to be told were told of this pass already.
            Log.PassRetryScheduled(logger, status.GroupId, status.Pass, status.TransientFailures, retryAt);
            await context.CreateTimer(retryAt.UtcDateTime, CancellationToken.None);
            var retry = Merge(request with { NotifyInstanceIds = [] }, BufferedEvents.TakeAll<GroupPassRequest>(context, EventNames.GroupChangeRequested));
            status = status with { Phase = GroupPhase.Idle, RetryAt = null };
            context.SetCustomStatus(status);
            context.ContinueAsNew(new GroupWritebackInput { Status = status, Request = retry }, preserveUnprocessedEvents: true);
            return status;
        }

        var queued = BufferedEvents.TakeAll<GroupPassRequest>(context, EventNames.GroupChangeRequested);
        var next = queued.Count == 0 ? null : Merge(queued[0], queued.Skip(1));
        if (!status.WrittenBack && next is null)
        {
            var final = status with { Phase = status.Phase == GroupPhase.Deleted ? GroupPhase.Deleted : GroupPhase.NotWrittenBack };
            context.SetCustomStatus(final);
            return final;
        }

        context.SetCustomStatus(status);
        context.ContinueAsNew(new GroupWritebackInput { Status = status, Request = next }, preserveUnprocessedEvents: true);
        return status;
    }

    private static GroupPassRequest Merge(GroupPassRequest first, IEnumerable<GroupPassRequest> later) =>
        later.Aggregate(first, (merged, next) => merged.Then(next));
}
