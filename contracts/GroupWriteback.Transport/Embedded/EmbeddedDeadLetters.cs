namespace GroupWriteback.Transport.Embedded;

/// <summary>Resubmit and discard of one dead letter, each one immediate transaction on the queue file.</summary>
internal sealed class EmbeddedDeadLetters(EmbeddedQueueStore store)
{
    private const string WhereDead = " WHERE queue = $queue AND seq = $seq AND state = 1";

    /// <summary>Re-queues the dead letter as a new row at the queue's (and its session's) end and deletes it.</summary>
    public async Task<bool> ResubmitAsync(string queue, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var copied = await transaction.Sql(
            """
            INSERT INTO messages (queue, session_id, message_id, subject, body, enqueued_at)
            SELECT queue, session_id, message_id, subject, body, $now FROM messages
            """ + WhereDead + ";",
            ("$queue", queue),
            ("$seq", sequence),
            ("$now", store.NowMs)).RunAsync(cancellationToken);
        if (copied == 0)
        {
            return false;
        }

        await transaction.Sql("DELETE FROM messages" + WhereDead + ";", ("$queue", queue), ("$seq", sequence)).RunAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log.DeadLetterResubmitted(store.Logger, queue, sequence);
        return true;
    }

    /// <summary>Deletes the dead letter.</summary>
    public async Task<bool> DiscardAsync(string queue, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var deleted = await connection.Sql("DELETE FROM messages" + WhereDead + ";", ("$queue", queue), ("$seq", sequence)).RunAsync(cancellationToken);
        if (deleted > 0)
        {
            Log.DeadLetterDiscarded(store.Logger, queue, sequence);
        }

        return deleted > 0;
    }
}
