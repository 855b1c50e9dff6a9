using Microsoft.Data.Sqlite;

namespace GroupWriteback.Transport.Embedded;

/// <summary>
/// Session locks: one consumer owns a session until it releases it or the lock expires. Within a session messages
/// are delivered in order, and, as a Service Bus session receiver does, the owner may hold several in flight: each
/// receive locks the oldest message not in flight. Accepting a session releases the message locks of its previous
/// holder, so every message in flight belongs to the owner; one it abandons is the oldest again and comes next.
/// </summary>
internal sealed class EmbeddedSessionClaims(EmbeddedQueueStore store)
{
    /// <summary>Locks the session whose oldest message is the oldest among unlocked sessions.</summary>
    public async Task<SessionLease?> TryAcceptAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = store.NowMs;
        var sessionId = await transaction.Sql(
            """
            SELECT m.session_id FROM messages m
            WHERE m.queue = $queue AND m.state = 0 AND m.session_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM session_locks l
                              WHERE l.queue = m.queue AND l.session_id = m.session_id AND l.locked_until > $now)
            ORDER BY m.seq LIMIT 1;
            """,
            ("$queue", queue),
            ("$now", now)).TextAsync(cancellationToken);
        if (sessionId is null)
        {
            return null;
        }

        var expiredHolder = await transaction.Sql(
            "SELECT lock_token FROM session_locks WHERE queue = $queue AND session_id = $session;",
            ("$queue", queue),
            ("$session", sessionId)).TextAsync(cancellationToken);
        var lease = new SessionLease(queue, sessionId, EmbeddedMessageClaims.NewLockToken());
        await transaction.Sql(
            """
            INSERT INTO session_locks (queue, session_id, lock_token, locked_until) VALUES ($queue, $session, $token, $until)
            ON CONFLICT (queue, session_id) DO UPDATE SET lock_token = excluded.lock_token, locked_until = excluded.locked_until;
            """,
            ("$queue", queue),
            ("$session", sessionId),
            ("$token", lease.LockToken),
            ("$until", store.LockedUntilMs(now))).RunAsync(cancellationToken);

        // Messages still locked by the previous (expired) holder become deliverable to the new one.
        await ReleaseMessageLocksAsync(transaction, queue, sessionId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (expiredHolder is not null)
        {
            Log.SessionTakenOver(store.Logger, queue, sessionId);
        }

        return lease;
    }

    /// <summary>Locks the session's oldest message not in flight, or returns null when there is none.</summary>
    public async Task<LockedMessage?> TryReceiveAsync(SessionLease lease, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = store.NowMs;
        if (!await RenewAsync(transaction, lease, now, cancellationToken))
        {
            throw new MessageLockLostException(
                $"The lock on session {lease.SessionId} of queue {lease.Queue} expired or was taken over by another consumer.");
        }

        while (true)
        {
            var heads = await EmbeddedMessageClaims.ReadCandidatesAsync(
                transaction.Sql(
                    $"""
                    SELECT {EmbeddedMessageClaims.CandidateColumns} FROM messages
                    WHERE queue = $queue AND session_id = $session AND state = 0 AND (locked_until IS NULL OR locked_until <= $now)
                    ORDER BY seq LIMIT 1;
                    """,
                    ("$queue", lease.Queue),
                    ("$session", lease.SessionId),
                    ("$now", now)),
                lease.Queue,
                cancellationToken);
            if (heads.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return null;
            }

            var claimed = await store.Messages.LockOrDeadLetterAsync(transaction, heads[0], now, cancellationToken);
            if (claimed is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                return claimed;
            }
        }
    }

    /// <summary>Releases the session and any message of it still in flight; a lost lock is left alone.</summary>
    public async Task ReleaseAsync(SessionLease lease, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var released = await transaction.Sql(
            "DELETE FROM session_locks WHERE queue = $queue AND session_id = $session AND lock_token = $token;",
            ("$queue", lease.Queue),
            ("$session", lease.SessionId),
            ("$token", lease.LockToken)).RunAsync(cancellationToken);
        if (released > 0)
        {
            await ReleaseMessageLocksAsync(transaction, lease.Queue, lease.SessionId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Extends the session lock and the locks of its messages in flight, so a consumer that is
    /// still working keeps them; false when the session was already lost.
    /// </summary>
    public async Task<bool> RenewLeaseAsync(SessionLease lease, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = store.NowMs;
        if (!await RenewAsync(transaction, lease, now, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        await transaction.Sql(
            """
            UPDATE messages SET locked_until = $until
            WHERE queue = $queue AND session_id = $session AND state = 0 AND lock_token IS NOT NULL AND locked_until > $now;
            """,
            ("$queue", lease.Queue),
            ("$session", lease.SessionId),
            ("$now", now),
            ("$until", store.LockedUntilMs(now))).RunAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Extends the session lock while its owner is active; false when it was lost.</summary>
    public async Task<bool> RenewAsync(SqliteTransaction transaction, SessionLease lease, long now, CancellationToken cancellationToken)
    {
        var renewed = await transaction.Sql(
            """
            UPDATE session_locks SET locked_until = $until
            WHERE queue = $queue AND session_id = $session AND lock_token = $token AND locked_until > $now;
            """,
            ("$queue", lease.Queue),
            ("$session", lease.SessionId),
            ("$token", lease.LockToken),
            ("$now", now),
            ("$until", store.LockedUntilMs(now))).RunAsync(cancellationToken);
        return renewed > 0;
    }

    private static Task<int> ReleaseMessageLocksAsync(SqliteTransaction transaction, string queue, string sessionId, CancellationToken cancellationToken) =>
        transaction.Sql(
            """
            UPDATE messages SET lock_token = NULL, locked_until = NULL
            WHERE queue = $queue AND session_id = $session AND state = 0 AND lock_token IS NOT NULL;
            """,
            ("$queue", queue),
            ("$session", sessionId)).RunAsync(cancellationToken);
}
