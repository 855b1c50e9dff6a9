using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>
/// Retries for activities that call Graph or the queue. The Graph SDK already waits out Retry-After within its own
/// budget; throttling that outlasts it, a Graph or Service Bus outage, or a lost connection would otherwise fail the
/// whole workflow (and a failed full sync is not restarted by itself). The orchestration waits on durable timers, so
/// nothing is held while it backs off: 10 s, 20 s, 40 s, 80 s, then the failure stands and is reported.
/// </summary>
internal static class ActivityRetry
{
    /// <summary>Attempts in all, the first included.</summary>
    public const int MaxAttempts = 5;

    public static TaskOptions External { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(MaxAttempts, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(2)));
}
