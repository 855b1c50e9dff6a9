using Azure.Data.Tables;
using GroupWriteback.Cloud.Audit;

namespace GroupWriteback.Functions.Audit;

/// <summary>
/// The audit trail in Azure Table Storage, as the app's identity (<c>Storage Table Data Contributor</c>). Thin over
/// <see cref="AuditTableEntities"/>: writes are upserts in batches of one partition, a query is one partition scan
/// newest first, a prune deletes the rows past the cutoff's key.
/// </summary>
internal sealed class TableAuditStore(TableClient table) : IAuditStore
{
    /// <summary>Most actions Table Storage takes in one transaction.</summary>
    private const int BatchSize = 100;

    private readonly Lazy<Task> _created = new(() => table.CreateIfNotExistsAsync());

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await _created.Value;

        // A batch may not name one row twice: a redelivered result in the same drain keeps its last copy.
        var rows = entries.Select(AuditTableEntities.ToEntity).GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(g => g.Last());
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _created.Value;
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        var entries = new List<AuditEntry>(limit);
        await foreach (var entity in table.QueryAsync<TableEntity>(AuditTableEntities.Filter(query), maxPerPage: limit, cancellationToken: cancellationToken))
        {
            entries.Add(AuditTableEntities.FromEntity(entity));
            if (entries.Count == limit)
            {
                break;
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await _created.Value;
        var old = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(AuditTableEntities.OlderThan(cutoff), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            old.Add(entity);
        }

        foreach (var batch in old.Chunk(BatchSize))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e)), cancellationToken);
        }

        return old.Count;
    }
}
