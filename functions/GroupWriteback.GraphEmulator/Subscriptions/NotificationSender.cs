using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>
/// POSTs <c>{"value":[…]}</c> to a subscriber, retrying with a doubling delay until a 2xx answer or the configured
/// attempts are used up. Each attempt is bounded by the validation timeout and recorded in the <see cref="DeliveryLog"/>.
/// </summary>
internal sealed class NotificationSender(
    IHttpClientFactory clients, DeliveryLog deliveries, EmulatedTenant tenant, IOptions<GraphEmulatorOptions> options, ILogger<NotificationSender> logger)
{
    /// <summary>The named <see cref="HttpClient"/> used for validation and notification requests.</summary>
    public const string ClientName = "GraphEmulator.Notifications";

    /// <summary>Sends the batch; returns the last status (null when the subscriber never answered).</summary>
    public async Task<int?> SendAsync(string? subscriptionId, DeliveryKind kind, Uri url, JsonArray notifications, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(notifications);
        var settings = options.Value;
        var body = new JsonObject { ["value"] = notifications.DeepClone() }.ToJsonString();
        int? status = null;
        for (var attempt = 1; attempt <= settings.NotificationAttempts; attempt++)
        {
            string? failure;
            (status, failure) = await PostAsync(url, body, settings.ValidationTimeout, ct);
            deliveries.Add(new NotificationDelivery(subscriptionId, kind, url, notifications.Count, attempt, status, tenant.Time.GetUtcNow()));
            if (failure is null)
            {
                return status;
            }

            Log.DeliveryFailed(logger, notifications.Count, kind, subscriptionId, url, attempt, status, failure);
            if (attempt < settings.NotificationAttempts)
            {
                await Task.Delay(settings.NotificationRetryDelay * Math.Pow(2, attempt - 1), ct);
            }
        }

        Log.DeliveryAbandoned(logger, notifications.Count, kind, subscriptionId, settings.NotificationAttempts);
        return status;
    }

    private async Task<(int? Status, string? Failure)> PostAsync(Uri url, string body, TimeSpan timeout, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(timeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await clients.CreateClient(ClientName).PostAsync(url, content, attempt.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"the subscriber answered HTTP {status}");
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }
}
