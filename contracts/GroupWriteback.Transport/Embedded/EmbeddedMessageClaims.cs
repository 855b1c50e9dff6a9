using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GroupWriteback.Transport.Embedded;

/// <summary>
/// Peek-lock on single messages: claiming (with the max delivery count check), completing,
/// abandoning and dead-lettering. A settlement succeeds only while the caller's lock is valid.
/// </summary>
internal sealed class EmbeddedMessageClaims(EmbeddedQueueStore store)
{
    /// <summary>The columns <see cref="ReadCandidatesAsync"/> reads, in order.</summary>
    public const string CandidateColumns = "seq, message_id, session_id, body, delivery_count, locked_until";

    private const string DeadLetterRow = """
        UPDATE messages SET state = 1, lock_token = NULL, locked_until = NULL,
            dead_letter_reason = $reason, dead_letter_description = $description, dead_lettered_at = $now
        WHERE seq = $seq
        """;

    /// <summary>Appended to a settlement: it applies only while the caller's lock is still valid.</summary>
    private const string WhileLocked = " AND lock_token = $token AND locked_until > $now AND state = 0;";

    public static string NewLockToken() => Guid.NewGuid().ToString("N");

    /// <summary>Locks up to <paramref name="maxMessages"/> of the oldest unlocked messages of a non-session queue.</summary>
    public async Task<IReadOnlyList<LockedMessage>> TryReceiveAsync(string queue, int maxMessages, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = store.NowMs;
        var claimed = new List<LockedMessage>();
        while (claimed.Count < maxMessages)
        {
            var candidates = await ReadCandidatesAsync(
                transaction.Sql(
                    $"""
                    SELECT {CandidateColumns} FROM messages
                    WHERE queue = $queue AND state = 0 AND (locked_until IS NULL OR locked_until <= $now)
                    ORDER BY seq LIMIT $limit;
                    """,
                    ("$queue", queue),
                    ("$now", now),
                    ("$limit", maxMessages - claimed.Count)),
                queue,
                cancellationToken);
            if (candidates.Count == 0)
            {
                break;
            }

            foreach (var candidate in candidates)
            {
                if (await LockOrDeadLetterAsync(transaction, candidate, now, cancellationToken) is { } message)
                {
                    claimed.Add(message);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Delivers the candidate (delivery count + 1, new lock), or dead-letters it when it has
    /// already been delivered the maximum number of times and returns null.
    /// </summary>
    public async Task<LockedMessage?> LockOrDeadLetterAsync(SqliteTransaction transaction, Candidate candidate, long now, CancellationToken cancellationToken)
    {
        if (candidate.DeliveryCount >= store.Options.MaxDeliveryCount)
        {
            await MoveToDeadLetterAsync(transaction, candidate.Queue, candidate.Sequence, candidate.MessageId, candidate.DeliveryCount, now, cancellationToken);
            return null;
        }

        var token = NewLockToken();
        await transaction.Sql(
            "UPDATE messages SET delivery_count = delivery_count + 1, lock_token = $token, locked_until = $until WHERE seq = $seq;",
            ("$token", token),
            ("$until", store.LockedUntilMs(now)),
            ("$seq", candidate.Sequence)).RunAsync(cancellationToken);
        return new LockedMessage(candidate.Queue, candidate.Sequence, candidate.MessageId, candidate.SessionId, candidate.Body, candidate.DeliveryCount + 1, token);
    }

    /// <summary>Deletes the message: it was handled.</summary>
    public Task CompleteAsync(LockedMessage message, SessionLease? session, CancellationToken cancellationToken) =>
        SettleAsync(message, session, "DELETE FROM messages WHERE seq = $seq" + WhileLocked, [], cancellationToken);

    /// <summary>
    /// Releases the lock at once (the delivery count stays incremented); a message that has used
    /// all its deliveries goes to the dead-letter store instead of waiting for the next receive.
    /// </summary>
    public Task AbandonAsync(LockedMessage message, SessionLease? session, CancellationToken cancellationToken) =>
        SettleAsync(
            message,
            session,
            "UPDATE messages SET lock_token = NULL, locked_until = NULL WHERE seq = $seq" + WhileLocked,
            [],
            cancellationToken,
            async (transaction, now) =>
            {
                if (message.DeliveryCount >= store.Options.MaxDeliveryCount)
                {
                    await MoveToDeadLetterAsync(transaction, message.Queue, message.Sequence, message.MessageId, message.DeliveryCount, now, cancellationToken);
                }
            });

    /// <summary>Moves the message to the dead-letter store with the consumer's reason.</summary>
    public Task DeadLetterAsync(LockedMessage message, SessionLease? session, string reason, string description, CancellationToken cancellationToken) =>
        SettleAsync(
            message,
            session,
            DeadLetterRow + WhileLocked,
            [("$reason", reason), ("$description", description)],
            cancellationToken);

    public static async Task<IReadOnlyList<Candidate>> ReadCandidatesAsync(SqliteCommand command, string queue, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var candidates = new List<Candidate>();
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new Candidate(
                    queue,
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    (byte[])reader.GetValue(3),
                    reader.GetInt32(4),
                    reader.IsDBNull(5) ? 0 : reader.GetInt64(5)));
            }

            return candidates;
        }
    }

    private async Task SettleAsync(
        LockedMessage message,
        SessionLease? session,
        string sql,
        (string Name, object? Value)[] extra,
        CancellationToken cancellationToken,
        Func<SqliteTransaction, long, Task>? then = null)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = store.NowMs;
        var changed = await transaction.Sql(sql, [("$seq", message.Sequence), ("$token", message.LockToken), ("$now", now), .. extra]).RunAsync(cancellationToken);
        if (changed == 0)
        {
            throw new MessageLockLostException(
                $"The lock on message {message.MessageId} (session {message.SessionId ?? "none"}) of queue {message.Queue} expired or was taken over; it will be delivered again.");
        }

        if (then is not null)
        {
            await then(transaction, now);
        }

        if (session is not null)
        {
            // Activity keeps the session: the owner is alive.
            await store.Sessions.RenewAsync(transaction, session, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task MoveToDeadLetterAsync(SqliteTransaction transaction, string queue, long sequence, string messageId, int deliveryCount, long now, CancellationToken cancellationToken)
    {
        var description = string.Create(CultureInfo.InvariantCulture, $"Delivered {deliveryCount} times without being completed (max delivery count {store.Options.MaxDeliveryCount}).");
        await transaction.Sql(
            DeadLetterRow + ";",
            ("$reason", DeadLetterReasons.MaxDeliveryCountExceeded),
            ("$description", description),
            ("$now", now),
            ("$seq", sequence)).RunAsync(cancellationToken);
        Log.MaxDeliveryCountExceeded(store.Logger, queue, messageId, deliveryCount);
    }

    /// <summary>A message row that may be deliverable.</summary>
    internal sealed record Candidate(string Queue, long Sequence, string MessageId, string? SessionId, byte[] Body, int DeliveryCount, long LockedUntilMs);
}
