namespace GroupWriteback.Transport;

/// <summary>How a transport settles one received message; shared by commands and results.</summary>
internal interface IMessageSettlement
{
    Task CompleteAsync(CancellationToken cancellationToken);

    Task AbandonAsync(CancellationToken cancellationToken);

    Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken);
}
