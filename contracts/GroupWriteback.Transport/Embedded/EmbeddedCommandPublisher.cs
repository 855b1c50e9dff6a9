using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Transport.Embedded;

/// <summary>Queues commands on the embedded queue: session id = group id, message id = command id.</summary>
public sealed class EmbeddedCommandPublisher(EmbeddedQueueStore store) : ICommandPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var messages = commands
            .Select(command => new OutgoingMessage(command.CommandId, command.GroupId, command.Kind, WireSerializer.Serialize(command)))
            .ToList();
        return store.SendAsync(QueueNames.Commands, messages, cancellationToken);
    }
}
