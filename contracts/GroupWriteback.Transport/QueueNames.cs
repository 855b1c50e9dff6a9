namespace GroupWriteback.Transport;

/// <summary>Queue names, the same on Service Bus and the embedded queue.</summary>
public static class QueueNames
{
    /// <summary>Session-enabled queue of commands for the agent.</summary>
    public const string Commands = "writeback-commands";

    /// <summary>Queue of the agent's results for the cloud.</summary>
    public const string Results = "writeback-results";
}
