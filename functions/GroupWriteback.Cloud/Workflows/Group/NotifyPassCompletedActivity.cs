using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>
/// Tells the orchestration that asked for a pass that it is done, by raising
/// <see cref="EventNames.GroupPassCompleted"/> through the client. An orchestration's own
/// <c>SendEvent</c> is not used: the per-group orchestration continues as new in the same step, and an
/// event sent from a step that continues as new does not reach its target on the gRPC worker.
/// </summary>
[DurableTask(nameof(NotifyPassCompletedActivity))]
public sealed class NotifyPassCompletedActivity(DurableTaskClient client) : TaskActivity<PassCompletedNotice, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, PassCompletedNotice input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await client.RaiseEventAsync(input.NotifyInstanceId, EventNames.GroupPassCompleted, input.Completed, CancellationToken.None);
        return true;
    }
}
