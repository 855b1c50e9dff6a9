using GroupWriteback.Contracts.Commands;
using GroupWriteback.Transport;
using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows.Group;

/// <summary>Queues commands in order. Re-running it with the same commands is harmless: the ids repeat.</summary>
[DurableTask(nameof(PublishCommandsActivity))]
public sealed class PublishCommandsActivity(ICommandPublisher publisher) : TaskActivity<IReadOnlyList<WritebackCommand>, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<WritebackCommand> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count > 0)
        {
            await publisher.PublishAsync(input, CancellationToken.None);
        }

        return input.Count;
    }
}
