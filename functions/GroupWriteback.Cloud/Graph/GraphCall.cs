using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using Polly;
using Polly.Retry;

namespace GroupWriteback.Cloud.Graph;

/// <summary>
/// Runs one SDK call and turns its failures into the project's exceptions. Throttling (429/503/504) is retried
/// inside the SDK's retry handler; this adds retries for network failures, which the SDK does not retry.
/// </summary>
internal sealed class GraphCall
{
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public GraphCall(ILogger logger, int networkRetries = 3, TimeSpan? networkRetryDelay = null)
    {
        this._logger = logger;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, networkRetries),
                Delay = networkRetryDelay ?? TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                OnRetry = args =>
                {
                    Log.GraphNetworkRetry(logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "unknown");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Runs the call; <paramref name="request"/> names it in logs and exceptions ("GET groups/{id}").</summary>
    public async Task<T> RunAsync<T>(string request, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await call(token).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        catch (ApiException ex) when (DeltaTokenExpired(ex))
        {
            Log.DeltaTokenExpired(_logger, request);
            throw new DeltaTokenExpiredException($"Graph request {request} answered {ex.ResponseStatusCode} {Describe(ex)}: the delta token has expired.", ex);
        }
        catch (ApiException ex) when (GraphServiceClientFactory.IsRetryable((System.Net.HttpStatusCode)ex.ResponseStatusCode))
        {
            // The retry handler hands back the last throttled response once the total wait would exceed MaxRetryWait.
            Log.GraphGivenUp(_logger, request, ex.ResponseStatusCode, "the retry wait limit was reached");
            throw new GraphRequestException(request, ex.ResponseStatusCode, isTransient: true, "throttled or unavailable; retries exhausted", ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.LastOrDefault() is ApiException last)
        {
            // The retry handler throws this once MaxRetries attempts were all throttled.
            Log.GraphGivenUp(_logger, request, last.ResponseStatusCode, "the retry count limit was reached");
            throw new GraphRequestException(request, last.ResponseStatusCode, isTransient: true, "throttled or unavailable; retries exhausted", ex);
        }
        catch (ApiException ex)
        {
            throw new GraphRequestException(request, ex.ResponseStatusCode, isTransient: false, Describe(ex), ex);
        }
        catch (HttpRequestException ex)
        {
            Log.GraphGivenUp(_logger, request, 0, ex.Message);
            throw new GraphRequestException(request, statusCode: null, isTransient: true, ex.Message, ex);
        }
    }

    /// <summary>Runs a call whose 404 is an answer (the object does not exist) rather than a failure.</summary>
    public async Task<T?> RunOrNotFoundAsync<T>(string request, Func<CancellationToken, Task<T?>> call, CancellationToken ct)
        where T : class
    {
        try
        {
            return await RunAsync(request, call, ct).ConfigureAwait(false);
        }
        catch (GraphRequestException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// 410 Gone (change tracking reset), or the 400 Graph sends for a directory deltaLink past its seven days
    /// (<c>syncStateNotFound</c>; <c>syncStateInvalid</c> and <c>resyncRequired</c> mean the same).
    /// </summary>
    private static bool DeltaTokenExpired(ApiException ex) =>
        ex.ResponseStatusCode == 410
        || (ex.ResponseStatusCode == 400
            && ex is Microsoft.Graph.Models.ODataErrors.ODataError { Error.Code: "syncStateNotFound" or "syncStateInvalid" or "resyncRequired" });

    private static string Describe(ApiException ex) =>
        ex is Microsoft.Graph.Models.ODataErrors.ODataError { Error: { } error }
            ? $"{error.Code}: {error.Message}"
            : ex.Message;
}
