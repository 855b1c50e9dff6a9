using GroupWriteback.Cloud.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>Creates the <c>/groups</c> change-notification subscription once the server listens, then keeps it renewed.</summary>
internal sealed class SubscriptionLoop(
    SubscriptionRenewal renewal, IOptions<LocalHostOptions> options, IHostApplicationLifetime lifetime, ILogger<SubscriptionLoop> logger)
    : PeriodicWork(lifetime, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.SubscriptionCheckInterval;

    /// <inheritdoc />
    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await renewal.RenewAsync(cancellationToken);
        return false;
    }
}
