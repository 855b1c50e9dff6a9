namespace GroupWriteback.Transport.Embedded;

/// <summary>A message to enqueue: its id, its session (null on non-session queues), a label and the body.</summary>
internal sealed record OutgoingMessage(string MessageId, string? SessionId, string Subject, byte[] Body);

/// <summary>A message this consumer holds the lock on.</summary>
internal sealed record LockedMessage(string Queue, long Sequence, string MessageId, string? SessionId, byte[] Body, int DeliveryCount, string LockToken);

/// <summary>A session this consumer holds the lock on.</summary>
internal sealed record SessionLease(string Queue, string SessionId, string LockToken);
