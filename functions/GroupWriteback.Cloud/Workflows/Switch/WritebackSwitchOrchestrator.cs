using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.Switch;

/// <summary>
/// Holds the <see cref="WritebackSwitch"/> (instance id <see cref="InstanceIds.WritebackSwitch"/>): the state is
/// the instance's input, which the task hub stores when the instance is scheduled, so it is readable before
/// this code even runs. It completes at once with the same value as output; the next change schedules a
/// new instance under the same id. See <see cref="WritebackSwitchControl"/> for why it lives here.
/// </summary>
[DurableTask(nameof(WritebackSwitchOrchestrator))]
public sealed class WritebackSwitchOrchestrator : TaskOrchestrator<WritebackSwitch?, WritebackSwitch>
{
    /// <inheritdoc />
    public override Task<WritebackSwitch> RunAsync(TaskOrchestrationContext context, WritebackSwitch? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = input ?? WritebackSwitch.On;
        context.SetCustomStatus(value);
        return Task.FromResult(value);
    }
}
