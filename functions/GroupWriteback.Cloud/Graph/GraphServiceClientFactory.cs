using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// Builds the SDK client with the Graph default middleware, but with a retry handler whose attempts and total
/// wait come from <see cref="GraphOptions"/>, so a throttled request cannot stall a Durable activity for long.
/// </summary>
internal static class GraphServiceClientFactory
{
    public static GraphServiceClient Create(GraphOptions options, TokenCredential credential, ILogger logger, Uri serviceRoot)
    {
        var retry = new RetryHandlerOption
        {
            MaxRetry = options.MaxRetries,
            RetriesTimeLimit = options.MaxRetryWait,
            ShouldRetry = (delaySeconds, attempt, response) =>
            {
                if (!IsRetryable(response.StatusCode))
                {
                    return false;
                }

                if (logger.IsEnabled(LogLevel.Information))
                {
                    var method = response.RequestMessage?.Method.Method ?? "?";
                    var request = Describe(response.RequestMessage?.RequestUri);
                    var retryAfter = response.Headers.RetryAfter?.ToString() ?? "none";
                    Log.GraphRetrying(logger, method, request, (int)response.StatusCode, retryAfter, attempt + 1);
                }

                return true;
            },
        };

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers[i] = new RetryHandler(retry);
            }
        }

        var httpClient = GraphClientFactory.Create(handlers);
        httpClient.Timeout = TimeSpan.FromMinutes(5);
        // The token goes to the configured service root's host only (the SDK's default list holds the Graph clouds,
        // so a loopback emulator would get no token, and a link to any other host gets none either).
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: [serviceRoot.Host], scopes: GraphCredentialFactory.ScopeFor(serviceRoot));
        return new GraphServiceClient(httpClient, authentication, serviceRoot.ToString().TrimEnd('/'));
    }

    internal static bool IsRetryable(System.Net.HttpStatusCode status) =>
        (int)status is 429 or 503 or 504;

    /// <summary>Path and query only: the host is the configured service root and adds nothing to a log line.</summary>
    internal static string Describe(Uri? uri) => uri is null ? "?" : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.ToString();
}
