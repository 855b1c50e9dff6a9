using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Audit;

/// <summary>Deletes the audit entries older than <see cref="AuditOptions.RetentionDays"/>; a timer or a loop calls it.</summary>
public sealed class AuditRetention(IAuditStore store, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
{
    /// <summary>Prunes once; returns how many entries went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        var cutoff = time.GetUtcNow().AddDays(-days);
        var pruned = await store.PruneAsync(cutoff, cancellationToken);
        Log.Pruned(logger, pruned, days, cutoff);
        return pruned;
    }
}
