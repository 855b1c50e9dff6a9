using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Transport.Embedded;

/// <summary>
/// A durable queue in one SQLite file, with the Service Bus semantics the product relies on:
/// per-session FIFO with session locks, peek-lock with lock expiry and max delivery count,
/// dead-letter store and duplicate detection. Several processes and threads may share the file:
/// every operation opens its own (pooled) connection and every state change is one short
/// <c>BEGIN IMMEDIATE</c> transaction, so two consumers can never claim the same message.
/// </summary>
public sealed class EmbeddedQueueStore : IQueueStatusReader, IDeadLetterReader, IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private volatile bool _schemaReady;

    /// <summary>Creates the store; the file and its tables are created on first use.</summary>
    public EmbeddedQueueStore(IOptions<EmbeddedQueueOptions> options, TimeProvider timeProvider, ILogger<EmbeddedQueueStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Time = timeProvider;
        Logger = logger ?? NullLogger<EmbeddedQueueStore>.Instance;
        _busyTimeoutMs = (int)Options.BusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(Options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Options.BusyTimeout.TotalSeconds),
        }.ToString();
        Sessions = new EmbeddedSessionClaims(this);
        Messages = new EmbeddedMessageClaims(this);
        DeadLetters = new EmbeddedDeadLetters(this);
    }

    /// <summary>The validated options.</summary>
    public EmbeddedQueueOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal EmbeddedSessionClaims Sessions { get; }

    internal EmbeddedMessageClaims Messages { get; }

    internal EmbeddedDeadLetters DeadLetters { get; }

    internal long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    internal long LockedUntilMs(long nowMs) => nowMs + (long)Options.LockDuration.TotalMilliseconds;

    /// <inheritdoc />
    public async Task<QueueCounts> GetCountsAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT
                COALESCE(SUM(CASE WHEN state = 0 AND (locked_until IS NULL OR locked_until <= $now) THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN state = 0 AND locked_until > $now THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN state = 1 THEN 1 ELSE 0 END), 0)
            FROM messages WHERE queue = $queue;
            """,
            ("$queue", queue),
            ("$now", NowMs));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new QueueCounts(queue, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetteredMessage>> ReadDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT message_id, session_id, body, delivery_count, dead_letter_reason, dead_letter_description, seq, enqueued_at
            FROM messages WHERE queue = $queue AND state = 1 ORDER BY seq LIMIT $max;
            """,
            ("$queue", queue),
            ("$max", maxMessages));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<DeadLetteredMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new DeadLetteredMessage(
                queue,
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                (byte[])reader.GetValue(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return messages;
    }

    /// <inheritdoc />
    public Task<bool> ResubmitAsync(string queue, long sequenceNumber, CancellationToken cancellationToken) =>
        DeadLetters.ResubmitAsync(queue, sequenceNumber, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DiscardAsync(string queue, long sequenceNumber, CancellationToken cancellationToken) =>
        DeadLetters.DiscardAsync(queue, sequenceNumber, cancellationToken);

    /// <summary>Closes the idle pooled connections to the file.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// Queues a body as it is, unchecked, as any sender with rights on a Service Bus queue can: how a chaos run puts
    /// malformed bytes and hostile commands in front of the agent. Returns whether it was queued (not a duplicate id).
    /// </summary>
    public async Task<bool> SendRawAsync(string queue, string messageId, string? sessionId, string subject, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(body);
        return await SendAsync(queue, [new OutgoingMessage(messageId, sessionId, subject, body)], cancellationToken) == 1;
    }

    /// <summary>
    /// Enqueues the messages in order, in one transaction. A message id already sent to the queue
    /// within the duplicate detection window is dropped, as Service Bus does. Returns how many were queued.
    /// </summary>
    internal async Task<int> SendAsync(string queue, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = NowMs;
        var window = (long)Options.DuplicateDetectionWindow.TotalMilliseconds;
        await transaction.Sql("DELETE FROM duplicate_ids WHERE seen_at <= $cutoff;", ("$cutoff", now - window)).RunAsync(cancellationToken);
        var queued = 0;
        foreach (var message in messages)
        {
            if (window > 0 && await IsDuplicateAsync(transaction, queue, message.MessageId, now, cancellationToken))
            {
                Log.DuplicateDropped(Logger, queue, message.MessageId, message.SessionId);
                continue;
            }

            await transaction.Sql(
                """
                INSERT INTO messages (queue, session_id, message_id, subject, body, enqueued_at)
                VALUES ($queue, $session, $id, $subject, $body, $now);
                """,
                ("$queue", queue),
                ("$session", message.SessionId),
                ("$id", message.MessageId),
                ("$subject", message.Subject),
                ("$body", message.Body),
                ("$now", now)).RunAsync(cancellationToken);
            queued++;
        }

        await transaction.CommitAsync(cancellationToken);
        return queued;
    }

    /// <summary>Opens a pooled connection with the busy timeout set, creating the schema on first use.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Another process holding the write lock makes SQLite wait this long instead of failing at once.
            await connection.Sql($"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;").RunAsync(cancellationToken);
            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Racing initialisations (threads or processes) are harmless: the DDL is idempotent and
        // runs in an immediate transaction.
        await EmbeddedQueueSchema.EnsureAsync(connection, cancellationToken);
        _schemaReady = true;
        Log.Opened(Logger, connection.DataSource);
    }

    private static async Task<bool> IsDuplicateAsync(SqliteTransaction transaction, string queue, string messageId, long now, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Sql(
            "INSERT INTO duplicate_ids (queue, message_id, seen_at) VALUES ($queue, $id, $now) ON CONFLICT DO NOTHING;",
            ("$queue", queue),
            ("$id", messageId),
            ("$now", now)).RunAsync(cancellationToken);
        return inserted == 0;
    }
}
