namespace GroupWriteback.Transport.Embedded;

/// <summary>Drains the embedded results queue in enqueue order with peek-lock.</summary>
public sealed class EmbeddedResultSource(EmbeddedQueueStore store) : IResultSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReceivedResult>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var messages = await QueuePolling.UntilAsync(
            async token =>
            {
                var claimed = await store.Messages.TryReceiveAsync(QueueNames.Results, maxMessages, token);
                return claimed.Count == 0 ? null : claimed;
            },
            maxWait,
            store,
            cancellationToken);
        return messages is null
            ? []
            : messages.Select(m => ReceivedMessages.Result(m.Body, m.MessageId, m.DeliveryCount, new EmbeddedSettlement(store, m, null))).ToList();
    }
}
