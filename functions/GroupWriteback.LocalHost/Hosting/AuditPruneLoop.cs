using GroupWriteback.Cloud.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>Prunes the audit trail to <see cref="AuditOptions.RetentionDays"/> every <see cref="AuditOptions.PruneInterval"/>, as the Functions app's timer does.</summary>
internal sealed class AuditPruneLoop(
    AuditRetention retention, IOptions<AuditOptions> options, IHostApplicationLifetime lifetime, ILogger<AuditPruneLoop> logger)
    : PeriodicWork(lifetime, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.PruneInterval;

    /// <inheritdoc />
    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await retention.PruneAsync(cancellationToken);
        return false;
    }
}
