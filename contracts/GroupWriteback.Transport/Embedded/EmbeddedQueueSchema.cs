using Microsoft.Data.Sqlite;

namespace GroupWriteback.Transport.Embedded;

/// <summary>
/// The queue's tables. Times are Unix milliseconds from the store's clock; <c>state</c> is 0 for
/// active and 1 for dead-lettered; a message is in flight while <c>locked_until</c> is in the future.
/// </summary>
internal static class EmbeddedQueueSchema
{
    public const int Version = 1;

    public const int Active = 0;

    public const int DeadLettered = 1;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            queue TEXT NOT NULL,
            session_id TEXT NULL,
            message_id TEXT NOT NULL,
            subject TEXT NULL,
            body BLOB NOT NULL,
            enqueued_at INTEGER NOT NULL,
            delivery_count INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER NULL,
            lock_token TEXT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            dead_letter_reason TEXT NULL,
            dead_letter_description TEXT NULL,
            dead_lettered_at INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS messages_by_queue ON messages (queue, state, seq);
        CREATE INDEX IF NOT EXISTS messages_by_session ON messages (queue, session_id, state, seq);
        CREATE TABLE IF NOT EXISTS session_locks (
            queue TEXT NOT NULL,
            session_id TEXT NOT NULL,
            lock_token TEXT NOT NULL,
            locked_until INTEGER NOT NULL,
            PRIMARY KEY (queue, session_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS duplicate_ids (
            queue TEXT NOT NULL,
            message_id TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            PRIMARY KEY (queue, message_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS duplicate_ids_by_time ON duplicate_ids (seen_at);
        """;

    /// <summary>Creates the tables if needed; safe when several processes start at once.</summary>
    public static async Task EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers (status, polling) run beside the one writer; the mode is stored in the
        // file, and it cannot be switched inside a transaction.
        var mode = await ReadTextAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The embedded queue file {connection.DataSource} could not switch to WAL mode (journal mode is '{mode}').");
        }

        await using var transaction = connection.BeginTransaction(deferred: false);
        var version = await transaction.Sql("PRAGMA user_version;").ScalarAsync(cancellationToken);
        if (version > Version)
        {
            throw new InvalidOperationException($"The embedded queue file {connection.DataSource} has schema version {version}; this build understands up to {Version}.");
        }

        await transaction.Sql(CreateTables).RunAsync(cancellationToken);
        await transaction.Sql($"PRAGMA user_version = {Version};").RunAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string?> ReadTextAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(sql);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
