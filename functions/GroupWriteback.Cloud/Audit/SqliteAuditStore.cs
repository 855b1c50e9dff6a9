using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Audit;

/// <summary>
/// The audit trail in one SQLite file (<see cref="AuditOptions.Path"/>), for a host that runs as one process. Times are
/// Unix milliseconds; every statement opens its own pooled connection.
/// </summary>
internal sealed class SqliteAuditStore : IAuditStore
{
    private const string Columns = "id, time, kind, group_id, dn, command_kind, command_id, changes, outcome, failure_reason, message, trace_id, actor";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS audit (
            id TEXT PRIMARY KEY,
            time INTEGER NOT NULL,
            kind TEXT NOT NULL,
            group_id TEXT NULL,
            dn TEXT NULL,
            command_kind TEXT NULL,
            command_id TEXT NULL,
            changes TEXT NULL,
            outcome TEXT NOT NULL,
            failure_reason TEXT NULL,
            message TEXT NULL,
            trace_id TEXT NULL,
            actor TEXT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS audit_by_time ON audit (time);
        CREATE INDEX IF NOT EXISTS audit_by_group ON audit (group_id, time);
        """;

    private readonly string _connectionString;
    private volatile bool _schemaReady;

    /// <summary>Creates the store; the file and its table are created on first use.</summary>
    public SqliteAuditStore(IOptions<AuditOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.Path ?? throw new InvalidOperationException($"{AuditOptions.SectionName}:{nameof(AuditOptions.Path)} is required by the SQLite audit store.");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var e in entries)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT OR REPLACE INTO audit ({Columns}) VALUES ($id, $time, $kind, $group, $dn, $commandKind, $commandId, $changes, $outcome, $reason, $message, $trace, $actor);";
            Add(command, "$id", e.Id);
            Add(command, "$time", e.Time.ToUnixTimeMilliseconds());
            Add(command, "$kind", e.Kind);
            Add(command, "$group", e.GroupId);
            Add(command, "$dn", e.DistinguishedName);
            Add(command, "$commandKind", e.CommandKind);
            Add(command, "$commandId", e.CommandId);
            Add(command, "$changes", e.Changes);
            Add(command, "$outcome", e.Outcome);
            Add(command, "$reason", e.FailureReason);
            Add(command, "$message", e.Message);
            Add(command, "$trace", e.TraceId);
            Add(command, "$actor", e.Actor);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM audit
            WHERE ($group IS NULL OR group_id = $group)
              AND ($outcome IS NULL OR outcome = $outcome COLLATE NOCASE)
              AND ($since IS NULL OR time >= $since)
            ORDER BY time DESC, id DESC LIMIT $limit;
            """;
        Add(command, "$group", query.GroupId);
        Add(command, "$outcome", query.Outcome);
        Add(command, "$since", query.Since?.ToUnixTimeMilliseconds());
        Add(command, "$limit", Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                Text(reader, 3),
                Text(reader, 4),
                Text(reader, 5),
                Text(reader, 6),
                Text(reader, 7),
                reader.GetString(8),
                Text(reader, 9),
                Text(reader, 10),
                Text(reader, 11),
                Text(reader, 12)));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit WHERE time < $cutoff;";
        Add(command, "$cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(SqliteCommand command, string name, object? value) => command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_schemaReady)
            {
                await CreateSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Racing first uses are harmless: the DDL is idempotent.
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(cancellationToken);
        _schemaReady = true;
    }
}
