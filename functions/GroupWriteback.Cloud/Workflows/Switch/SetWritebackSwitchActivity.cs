using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.Switch;

/// <summary>Stores the <see cref="WritebackSwitch"/> (a disable run turning writeback off); returns the value's <see cref="WritebackSwitch.Enabled"/>.</summary>
[DurableTask(nameof(SetWritebackSwitchActivity))]
public sealed class SetWritebackSwitchActivity(DurableTaskClient client) : TaskActivity<WritebackSwitch, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, WritebackSwitch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await WritebackSwitchControl.SetAsync(client, input, CancellationToken.None);
        return input.Enabled;
    }
}
