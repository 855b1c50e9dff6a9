using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>
/// Graph's endpoint validation: <c>POST {url}?validationToken={token}</c> with an empty text/plain body; the
/// endpoint must answer 200 with the decoded token as text/plain within the timeout (Graph: 10 seconds). The
/// token contains spaces and colons like Graph's, so an endpoint that echoes it undecoded fails.
/// </summary>
internal sealed class EndpointValidator(
    IHttpClientFactory clients, DeliveryLog deliveries, EmulatedTenant tenant, IOptions<GraphEmulatorOptions> options, ILogger<EndpointValidator> logger)
{
    /// <summary>Validates the endpoint; returns null when it passed, otherwise why it failed.</summary>
    public async Task<string?> ValidateAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var target = new UriBuilder(url)
        {
            Query = (url.Query.Length > 1 ? url.Query[1..] + "&" : string.Empty) + "validationToken=" + Uri.EscapeDataString(token),
        }.Uri;
        var timeout = options.Value.ValidationTimeout;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(timeout);
        int? status = null;
        string? failure;
        try
        {
            using var content = new StringContent(string.Empty, Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));
            using var response = await clients.CreateClient(NotificationSender.ClientName).PostAsync(target, content, attempt.Token);
            status = (int)response.StatusCode;
            var echoed = await response.Content.ReadAsStringAsync(attempt.Token);
            failure = response.StatusCode != HttpStatusCode.OK ? $"the endpoint answered HTTP {status} instead of 200"
                : response.Content.Headers.ContentType?.MediaType != "text/plain" ? "the answer is not text/plain"
                : !string.Equals(echoed, token, StringComparison.Ordinal) ? "the answer does not match the validationToken"
                : null;
        }
        catch (HttpRequestException ex)
        {
            failure = ex.Message;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            failure = $"no answer within {timeout.TotalSeconds:0.#} s";
        }

        deliveries.Add(new NotificationDelivery(null, DeliveryKind.Validation, url, 0, 1, status, tenant.Time.GetUtcNow()));
        if (failure is not null)
        {
            Log.ValidationFailed(logger, url, failure);
        }

        return failure;
    }
}
