using GroupWriteback.Contracts;
using GroupWriteback.Contracts.Results;

namespace GroupWriteback.Transport.Embedded;

/// <summary>Sends results to the embedded results queue; message id = command id.</summary>
public sealed class EmbeddedResultPublisher(EmbeddedQueueStore store) : IResultPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(WritebackResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        OutgoingMessage[] message = [new(result.CommandId, null, result.CommandKind, WireSerializer.Serialize(result))];
        return store.SendAsync(QueueNames.Results, message, cancellationToken);
    }
}
