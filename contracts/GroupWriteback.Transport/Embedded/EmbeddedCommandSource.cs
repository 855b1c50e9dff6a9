namespace GroupWriteback.Transport.Embedded;

/// <summary>Takes the next unlocked group session of the embedded commands queue.</summary>
public sealed class EmbeddedCommandSource(EmbeddedQueueStore store) : ICommandSource
{
    /// <inheritdoc />
    public async Task<ICommandSession?> AcceptNextSessionAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var lease = await QueuePolling.UntilAsync(
            token => store.Sessions.TryAcceptAsync(QueueNames.Commands, token),
            maxWait,
            store,
            cancellationToken);
        return lease is null ? null : new EmbeddedCommandSession(store, lease);
    }
}
