namespace GroupWriteback.Cloud.Audit;

/// <summary>
/// Where the audit trail is kept: a SQLite file for a single-process host (<see cref="SqliteAuditStore"/>), Azure Table
/// Storage in the Functions app. Writing an entry with an existing <see cref="AuditEntry.Id"/> replaces it.
/// </summary>
public interface IAuditStore
{
    /// <summary>Writes the entries (replacing any with the same id).</summary>
    Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>The entries <paramref name="query"/> selects, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes every entry older than <paramref name="cutoff"/>; returns how many went.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
