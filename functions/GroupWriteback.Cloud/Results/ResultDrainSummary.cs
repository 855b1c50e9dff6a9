namespace GroupWriteback.Cloud.Results;

/// <summary>Counts of one <see cref="ResultDispatcher.DrainOnceAsync"/> call.</summary>
public sealed record ResultDrainSummary
{
    /// <summary>Messages received.</summary>
    public int Received { get; init; }

    /// <summary>Results raised on their orchestration.</summary>
    public int Delivered { get; init; }

    /// <summary>Results for orchestrations that no longer exist.</summary>
    public int Orphaned { get; init; }

    /// <summary>Messages dead-lettered.</summary>
    public int DeadLettered { get; init; }

    /// <summary>Messages abandoned for redelivery.</summary>
    public int Abandoned { get; init; }

    /// <summary>Agent heartbeats received (and completed).</summary>
    public int Heartbeats { get; init; }

    /// <summary>This summary with one more message counted.</summary>
    public ResultDrainSummary Add(ResultDisposition disposition) => disposition switch
    {
        ResultDisposition.Delivered => this with { Received = Received + 1, Delivered = Delivered + 1 },
        ResultDisposition.Orphaned => this with { Received = Received + 1, Orphaned = Orphaned + 1 },
        ResultDisposition.DeadLettered => this with { Received = Received + 1, DeadLettered = DeadLettered + 1 },
        ResultDisposition.Heartbeat => this with { Received = Received + 1, Heartbeats = Heartbeats + 1 },
        _ => this with { Received = Received + 1, Abandoned = Abandoned + 1 },
    };
}
