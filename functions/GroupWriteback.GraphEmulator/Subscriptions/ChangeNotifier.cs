using System.Text.Json.Nodes;
using System.Threading.Channels;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>
/// Turns tenant changes into change notifications. A change is queued without waiting (a mutation never
/// blocks on a subscriber); the background loop collects what arrives within the batch window and sends one
/// POST per subscription (at most <see cref="MaxBatch"/> notifications each), retried by the <see cref="NotificationSender"/>.
/// </summary>
internal sealed class ChangeNotifier : BackgroundService
{
    /// <summary>Most notifications in one POST.</summary>
    public const int MaxBatch = 100;

    private readonly Channel<PendingNotification> queue = Channel.CreateUnbounded<PendingNotification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly EmulatedTenant tenant;
    private readonly SubscriptionStore subscriptions;
    private readonly NotificationSender sender;
    private readonly IOptions<GraphEmulatorOptions> options;
    private readonly ILogger<ChangeNotifier> logger;

    public ChangeNotifier(
        EmulatedTenant tenant, SubscriptionStore subscriptions, NotificationSender sender, IOptions<GraphEmulatorOptions> options, ILogger<ChangeNotifier> logger)
    {
        this.tenant = tenant;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.options = options;
        this.logger = logger;
        tenant.Changed += OnChanged;
    }

    public override void Dispose()
    {
        tenant.Changed -= OnChanged;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(options.Value.NotificationBatchWindow, stoppingToken);
            var batch = new List<PendingNotification>();
            while (reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            var sends = batch
                .GroupBy(p => p.Subscription.Id, StringComparer.OrdinalIgnoreCase)
                .SelectMany(g => g.Chunk(MaxBatch))
                .Select(c => sender.SendAsync(
                    c[0].Subscription.Id, DeliveryKind.Change, c[0].Subscription.NotificationUrl, new JsonArray([.. c.Select(p => p.Payload)]), stoppingToken));
            try
            {
                await Task.WhenAll(sends);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed batch must not end the loop: the host would stop with it.
                Log.NotificationBatchFailed(logger, batch.Count, ex);
            }
        }
    }

    private void OnChanged(object? source, TenantChangedEventArgs e)
    {
        if (NotificationPayloads.ChangeTypeOf(e.Change) is not { } changeType)
        {
            return;
        }

        foreach (var subscription in subscriptions.List().Where(s => s.Notifies(changeType)))
        {
            queue.Writer.TryWrite(new PendingNotification(subscription, NotificationPayloads.Change(subscription, tenant.TenantId, changeType, e.Change)));
        }
    }

    private sealed record PendingNotification(EmulatedSubscription Subscription, JsonObject Payload);
}
