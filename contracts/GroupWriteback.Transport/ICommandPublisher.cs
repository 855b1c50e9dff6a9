using GroupWriteback.Contracts.Commands;

namespace GroupWriteback.Transport;

/// <summary>
/// Cloud side: queues commands. Session id = <see cref="WritebackCommand.GroupId"/> (per-group FIFO,
/// in list order); message id = <see cref="WritebackCommand.CommandId"/> (a duplicate id within the
/// detection window is dropped, as Service Bus does).
/// </summary>
public interface ICommandPublisher
{
    /// <summary>Queues the commands in order.</summary>
    Task PublishAsync(IReadOnlyList<WritebackCommand> commands, CancellationToken cancellationToken);
}
