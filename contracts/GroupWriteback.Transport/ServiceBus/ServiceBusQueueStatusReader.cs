namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// Queue counts from the administration client (<c>GetQueueRuntimeProperties</c>, which needs the
/// Manage right). Service Bus does not report locked messages apart from waiting ones, so
/// <see cref="QueueCounts.Active"/> includes messages in flight and <see cref="QueueCounts.InFlight"/> is 0.
/// </summary>
public sealed class ServiceBusQueueStatusReader(ServiceBusClients clients) : IQueueStatusReader
{
    /// <inheritdoc />
    public async Task<QueueCounts> GetCountsAsync(string queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var properties = (await clients.Administration.GetQueueRuntimePropertiesAsync(clients.Options.EntityFor(queue), cancellationToken)).Value;
        return new QueueCounts(queue, properties.ActiveMessageCount, 0, properties.DeadLetterMessageCount);
    }
}
