namespace GroupWriteback.Transport;

/// <summary>A received command whose settlement is delegated to the transport that delivered it.</summary>
internal sealed class SettledReceivedCommand(IMessageSettlement settlement) : ReceivedCommand
{
    public override Task CompleteAsync(CancellationToken cancellationToken) => settlement.CompleteAsync(cancellationToken);

    public override Task AbandonAsync(CancellationToken cancellationToken) => settlement.AbandonAsync(cancellationToken);

    public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) =>
        settlement.DeadLetterAsync(reason, description, cancellationToken);
}
