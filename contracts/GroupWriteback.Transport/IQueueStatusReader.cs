namespace GroupWriteback.Transport;

/// <summary>Reads message counts of a queue for status pages.</summary>
public interface IQueueStatusReader
{
    /// <summary>Returns the active, in-flight and dead-lettered counts of <paramref name="queue"/>.</summary>
    Task<QueueCounts> GetCountsAsync(string queue, CancellationToken cancellationToken);
}
