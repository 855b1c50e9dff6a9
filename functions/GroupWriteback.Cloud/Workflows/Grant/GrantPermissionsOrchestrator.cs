using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Workflows.Group;
using GroupWriteback.Contracts.Commands;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.Grant;

/// <summary>
/// Queues one <see cref="GrantPermissionsCommand"/> (session <see cref="CommandKinds.GrantSessionId"/>)
/// and waits for the agent's result, re-queuing it with the same id on timeout.
/// </summary>
[DurableTask(nameof(GrantPermissionsOrchestrator))]
public sealed class GrantPermissionsOrchestrator : TaskOrchestrator<GrantRequest, GrantOutcome>
{
    /// <inheritdoc />
    public override async Task<GrantOutcome> RunAsync(TaskOrchestrationContext context, GrantRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<GrantPermissionsOrchestrator>();
        var limits = await context.CallActivityAsync<WorkflowLimits>(nameof(GetWorkflowLimitsActivity));
        var command = new GrantPermissionsCommand
        {
            CommandId = CommandIds.For(context.InstanceId, 0, CommandKinds.GrantPermissions),
            GroupId = CommandKinds.GrantSessionId,
            ReplyTo = context.InstanceId,
            IssuedAt = context.CurrentUtcDateTime,
            Account = input.Account,
            Scope = input.Scope,
            TargetOu = input.TargetOu,
            SkipAdminSdHolder = input.SkipAdminSdHolder,
        };
        IReadOnlyList<WritebackCommand> commands = [command];
        context.SetCustomStatus(new GrantOutcome(GrantOutcome.WaitingForAgent, null, null));
        await context.CallActivityAsync<int>(nameof(PublishCommandsActivity), commands, ActivityRetry.External);
        var tally = await ResultWaiter.WaitAsync(
            context, [command.CommandId], limits, _ => context.CallActivityAsync<int>(nameof(PublishCommandsActivity), commands, ActivityRetry.External), logger);

        var outcome = tally.Results.Count > 0 && tally.Results[0] is { } result
            ? new GrantOutcome(result.Succeeded ? GrantOutcome.Succeeded : GrantOutcome.Failed, result.Message ?? result.Reason.ToString(), result.AgentId)
            : new GrantOutcome(GrantOutcome.TimedOut, $"No result for grant command {command.CommandId} after {tally.Requeues} re-queue(s); is the agent running?", null);
        context.SetCustomStatus(outcome);
        return outcome;
    }
}
