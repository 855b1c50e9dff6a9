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

    private readonly Channel<PendingNotification> _queue = Channel.CreateUnbounded<PendingNotification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly EmulatedTenant _tenant;
    private readonly SubscriptionStore _subscriptions;
    private readonly NotificationSender _sender;
    private readonly IOptions<GraphEmulatorOptions> _options;
    private readonly ILogger<ChangeNotifier> _logger;

    public ChangeNotifier(
        EmulatedTenant tenant, SubscriptionStore subscriptions, NotificationSender sender, IOptions<GraphEmulatorOptions> options, ILogger<ChangeNotifier> logger)
    {
        this._tenant = tenant;
        this._subscriptions = subscriptions;
        this._sender = sender;
        this._options = options;
        this._logger = logger;
        tenant.Changed += OnChanged;
    }

    public override void Dispose()
    {
        _tenant.Changed -= OnChanged;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(_options.Value.NotificationBatchWindow, stoppingToken);
            var batch = new List<PendingNotification>();
            while (reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            var sends = batch
                .GroupBy(p => p.Subscription.Id, StringComparer.OrdinalIgnoreCase)
                .SelectMany(g => g.Chunk(MaxBatch))
                .Select(c => _sender.SendAsync(
                    c[0].Subscription.Id, DeliveryKind.Change, c[0].Subscription.NotificationUrl, new JsonArray([.. c.Select(p => p.Payload)]), stoppingToken));
            try
            {
                await Task.WhenAll(sends);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed batch must not end the loop: the host would stop with it.
                Log.NotificationBatchFailed(_logger, batch.Count, ex);
            }
        }
    }

    private void OnChanged(object? source, TenantChangedEventArgs e)
    {
        if (NotificationPayloads.ChangeTypeOf(e.Change) is not { } changeType)
        {
            return;
        }

        foreach (var subscription in _subscriptions.List().Where(s => s.Notifies(changeType)))
        {
            _queue.Writer.TryWrite(new PendingNotification(subscription, NotificationPayloads.Change(subscription, _tenant.TenantId, changeType, e.Change)));
        }
    }

    private sealed record PendingNotification(EmulatedSubscription Subscription, JsonObject Payload);
}
