namespace GroupWriteback.Cloud.Results;

/// <summary>What <see cref="ResultDispatcher"/> did with one received result.</summary>
public enum ResultDisposition
{
    /// <summary>Raised on the waiting orchestration and completed.</summary>
    Delivered,

    /// <summary>The orchestration it replies to does not exist (purged); completed without raising.</summary>
    Orphaned,

    /// <summary>Malformed or unroutable; moved to the dead-letter queue with the reason.</summary>
    DeadLettered,

    /// <summary>Raising failed (the task hub was unreachable); abandoned for redelivery.</summary>
    Abandoned,

    /// <summary>An agent heartbeat: answers no command, is recorded for status and completed.</summary>
    Heartbeat,
}
