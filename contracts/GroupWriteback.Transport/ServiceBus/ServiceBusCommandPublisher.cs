using Azure.Messaging.ServiceBus;
using GroupWriteback.Contracts.Commands;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// Queues commands on the session-enabled commands queue: session id = group id (per-group FIFO),
/// message id = command id (the broker drops a duplicate within its detection window). Each
/// group's commands go out in list order, in as few batches as the size limit allows, one batch
/// after the other.
/// </summary>
public sealed class ServiceBusCommandPublisher(ServiceBusSender sender, ILogger<ServiceBusCommandPublisher> logger) : ICommandPublisher
{
    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var group in commands.GroupBy(c => c.GroupId, StringComparer.Ordinal))
        {
            await PublishSessionAsync(group.Key, [.. group], cancellationToken);
        }
    }

    private async Task PublishSessionAsync(string sessionId, IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken)
    {
        var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        try
        {
            foreach (var command in commands)
            {
                var message = ServiceBusWire.ToMessage(command);
                if (batch.TryAddMessage(message))
                {
                    continue;
                }

                if (batch.Count == 0)
                {
                    throw TooLarge(command, batch);
                }

                await SendAsync(batch, sessionId, cancellationToken);
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken);
                if (!batch.TryAddMessage(message))
                {
                    throw TooLarge(command, batch);
                }
            }

            if (batch.Count > 0)
            {
                await SendAsync(batch, sessionId, cancellationToken);
            }
        }
        finally
        {
            batch.Dispose();
        }
    }

    private static InvalidOperationException TooLarge(WritebackCommand command, ServiceBusMessageBatch batch) =>
        new($"Command {command.CommandId} ({command.Kind}) for group {command.GroupId} is larger than the largest message the queue accepts ({batch.MaxSizeInBytes} bytes).");

    private async Task SendAsync(ServiceBusMessageBatch batch, string sessionId, CancellationToken cancellationToken)
    {
        await sender.SendMessagesAsync(batch, cancellationToken);
        Log.BatchSent(logger, sender.EntityPath, batch.Count, sessionId);
    }
}
