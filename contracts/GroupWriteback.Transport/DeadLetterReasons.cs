namespace GroupWriteback.Transport;

/// <summary>Dead-letter reasons set by the transport itself (the same strings Service Bus uses).</summary>
public static class DeadLetterReasons
{
    /// <summary>The message was delivered more often than the queue's max delivery count.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
}
