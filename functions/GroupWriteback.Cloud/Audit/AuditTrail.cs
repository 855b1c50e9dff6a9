using GroupWriteback.Contracts.Results;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Audit;

/// <summary>
/// Files what the cloud receives and decides in the <see cref="IAuditStore"/>. A store that fails is logged and does not
/// stop the caller: a result is delivered to its workflow whether or not its audit entry could be written.
/// </summary>
public sealed class AuditTrail(IAuditStore store, ILogger<AuditTrail> logger)
{
    /// <summary>Records every command result of <paramref name="results"/> (heartbeats are not audited).</summary>
    public Task RecordResultsAsync(IEnumerable<WritebackResult> results, CancellationToken cancellationToken) =>
        RecordAsync([.. results.Where(r => !AgentHeartbeatReport.IsHeartbeat(r)).Select(AuditEntries.FromResult)], cancellationToken);

    /// <summary>Records <paramref name="entries"/>; false when the store failed (logged).</summary>
    public async Task<bool> RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        try
        {
            await store.AppendAsync(entries, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AppendFailed(logger, ex, entries.Count);
            return false;
        }
    }
}
