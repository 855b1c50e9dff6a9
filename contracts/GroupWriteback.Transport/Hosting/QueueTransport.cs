namespace GroupWriteback.Transport.Hosting;

/// <summary>Which queue transport a process uses.</summary>
public enum QueueTransport
{
    /// <summary>The SQLite file of <c>EmbeddedQueue:Path</c> (local runs, tests).</summary>
    Embedded,

    /// <summary>Azure Service Bus (<c>ServiceBus:FullyQualifiedNamespace</c> or <c>ServiceBus:ConnectionString</c>).</summary>
    ServiceBus,
}
