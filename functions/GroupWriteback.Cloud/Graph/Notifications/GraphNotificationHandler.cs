using System.Text.Json;
using System.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>
/// The notification endpoint as a plain class, for an Azure Functions HTTP trigger or a Kestrel endpoint alike.
/// It answers Graph's validation handshake, accepts only notifications that carry the configured clientState
/// (compared in constant time; a refusal does not say why), signals the delta workflow once per batch, has
/// <c>reauthorizationRequired</c> and <c>subscriptionRemoved</c> repaired, and answers a malformed body with 400
/// rather than an exception.
/// </summary>
internal sealed class GraphNotificationHandler(
    IDeltaSignal delta, ISubscriptionRepair repair, IOptions<GraphOptions> options, ILogger<GraphNotificationHandler> logger)
{
    /// <summary>Largest body read; Graph batches stay far below it.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Handles one request; <paramref name="queryString"/> is the raw query (with or without the leading <c>?</c>).</summary>
    public async Task<NotificationResponse> HandleAsync(string? queryString, Stream body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (HttpUtility.ParseQueryString(queryString ?? string.Empty)["validationToken"] is { } token)
        {
            Log.NotificationValidated(logger);
            return NotificationResponse.Validation(token);
        }

        var (batch, problem, status) = await ReadAsync(body, ct);
        if (batch is null)
        {
            Log.NotificationMalformed(logger, problem);
            return NotificationResponse.Error(status, "InvalidRequest", "The request body is not a change notification collection.");
        }

        var expected = options.Value.ClientState;
        var authentic = string.IsNullOrEmpty(expected) ? [] : batch.Value.Where(i => ClientStateCheck.Matches(expected, i.ClientState)).ToList();
        if (authentic.Count < batch.Value.Count)
        {
            Log.NotificationsRefused(logger, batch.Value.Count - authentic.Count, string.IsNullOrEmpty(expected) ? "Graph:ClientState is not configured" : "clientState does not match");
            if (authentic.Count == 0)
            {
                return NotificationResponse.Error(403, "Forbidden", "The notification was not accepted.");
            }
        }

        return await ProcessAsync(authentic, ct);
    }

    private async Task<NotificationResponse> ProcessAsync(List<ChangeNotificationItem> authentic, CancellationToken ct)
    {
        var changes = authentic.Count(i => i.LifecycleEvent is null);
        var lifecycle = authentic.Where(i => i.LifecycleEvent is not null).ToList();
        try
        {
            if (authentic.Count > 0)
            {
                // Lifecycle events mean notifications may have been lost, so they ask for a delta read too.
                await delta.RequestDeltaAsync(changes > 0 ? "changeNotification" : $"lifecycle:{lifecycle[0].LifecycleEvent}", ct);
            }

            var repairs = lifecycle
                .Where(i => LifecycleEvents.NeedsRepair(i.LifecycleEvent!) && !string.IsNullOrEmpty(i.SubscriptionId))
                .DistinctBy(i => (i.SubscriptionId, i.LifecycleEvent));
            await RepairWithinBudgetAsync(repairs, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Graph redelivers a batch that was not acknowledged, so a failed signal or repair is retried by answering 503.
            Log.NotificationProcessingFailed(logger, ex);
            return NotificationResponse.Error(503, "serviceNotAvailable", "The notification could not be processed now; deliver it again later.");
        }

        Log.NotificationsAccepted(logger, changes, lifecycle.Count);
        return NotificationResponse.Accepted;
    }

    /// <summary>
    /// Repairs until <see cref="GraphOptions.LifecycleRepairBudget"/> runs out; what is left is the subscription
    /// timer's (it ensures the subscription exists and is current). A repair that fails is still a failure (503).
    /// </summary>
    private async Task RepairWithinBudgetAsync(IEnumerable<ChangeNotificationItem> repairs, CancellationToken ct)
    {
        var budget = options.Value.LifecycleRepairBudget;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(budget);
        foreach (var item in repairs)
        {
            Log.LifecycleEventReceived(logger, item.LifecycleEvent!, item.SubscriptionId!);
            try
            {
                await repair.RepairAsync(item.SubscriptionId!, item.LifecycleEvent!, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                Log.LifecycleRepairDeferred(logger, item.SubscriptionId!, item.LifecycleEvent!, budget);
                return;
            }
        }
    }

    private static async Task<(ChangeNotificationBatch? Batch, string Problem, int Status)> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, $"the body exceeds {MaxBodyBytes} bytes", 413);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var batch = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), NotificationJsonContext.Default.ChangeNotificationBatch);
            return batch?.Value is null || batch.Value.Any(i => i is null)
                ? (null, "the body has no 'value' array of notifications", 400)
                : (batch, string.Empty, 200);
        }
        catch (JsonException ex)
        {
            return (null, $"invalid JSON at {ex.Path} (line {ex.LineNumber}): {ex.Message}", 400);
        }
    }
}
