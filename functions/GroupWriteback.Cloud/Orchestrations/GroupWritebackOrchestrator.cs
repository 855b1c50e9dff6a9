using GroupWriteback.Cloud.Planning;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Orchestrations;

/// <summary>
/// One group's writeback (instance id <c>group-&lt;objectId&gt;</c>). Runs a pass, then, while the
/// group is written back, continues as new and waits for the next <see cref="EventNames.GroupChangeRequested"/>;
/// signals that arrive during a pass are kept and start the next pass. A group that is not (or no
/// longer) written back ends the orchestration; its output keeps the last status.
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
        var status = input.Status with { Phase = GroupPhase.Idle };
        context.SetCustomStatus(status);

        var request = input.Request ?? await context.WaitForExternalEvent<GroupPassRequest>(EventNames.GroupChangeRequested);
        status = await new GroupPass(context, logger).RunAsync(request, status);

        if (request.NotifyInstanceId is { } notify)
        {
            context.SendEvent(notify, EventNames.GroupPassCompleted, new GroupPassCompleted(status.GroupId, status.LastOutcome ?? "unknown"));
        }

        if (!status.WrittenBack)
        {
            var final = status with { Phase = status.Phase == GroupPhase.Deleted ? GroupPhase.Deleted : GroupPhase.NotWrittenBack };
            context.SetCustomStatus(final);
            return final;
        }

        context.SetCustomStatus(status);
        context.ContinueAsNew(new GroupWritebackInput { Status = status }, preserveUnprocessedEvents: true);
        return status;
    }
}
