namespace GroupWriteback.Transport;

/// <summary>Message counts of one queue, for status pages.</summary>
/// <param name="Queue">The queue name.</param>
/// <param name="Active">Messages waiting to be delivered.</param>
/// <param name="InFlight">Messages delivered and locked, not yet settled.</param>
/// <param name="DeadLettered">Messages in the dead-letter queue.</param>
public sealed record QueueCounts(string Queue, long Active, long InFlight, long DeadLettered);
