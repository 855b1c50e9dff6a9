namespace GroupWriteback.Cloud.Api;

/// <summary>One dead-lettered message in <c>GET /api/dead-letters</c>.</summary>
/// <param name="Queue">The queue it came from.</param>
/// <param name="Id">Its sequence number: what resubmit and discard name it by.</param>
/// <param name="MessageId">The message id (the command id on the commands queue).</param>
/// <param name="SessionId">The group, on the commands queue.</param>
/// <param name="Reason">Why it was dead-lettered.</param>
/// <param name="Description">The detail given with the reason.</param>
/// <param name="EnqueuedAt">When it was first queued.</param>
/// <param name="DeliveryCount">How often it was delivered.</param>
/// <param name="Body">The body as UTF-8 text, cut at <see cref="DeadLetterHandler.MaxBodyChars"/> characters.</param>
public sealed record DeadLetterReport(
    string Queue, long Id, string MessageId, string? SessionId, string? Reason, string? Description, DateTimeOffset? EnqueuedAt, int DeliveryCount, string Body);

/// <summary>Answer of <c>GET /api/dead-letters</c>: every queue's dead letters, oldest first, and the queues that could not be read.</summary>
public sealed record DeadLetterList(IReadOnlyList<DeadLetterReport> DeadLetters, IReadOnlyList<QueueReport> Errors);

/// <summary>Answer of a resubmit or discard: which dead letter and what became of it (<c>resubmitted</c>, <c>discarded</c>).</summary>
public sealed record DeadLetterAction(string Queue, long Id, string Status);
