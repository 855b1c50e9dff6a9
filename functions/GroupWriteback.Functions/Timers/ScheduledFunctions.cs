using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Functions.Timers;

/// <summary>
/// The timers: the delta poll (Graph sends no <c>missed</c> lifecycle events for groups, so polling
/// is the safety net behind notifications), the subscription renewal and the results drain.
/// </summary>
public sealed class ScheduledFunctions(SubscriptionRenewal subscriptions, ResultsDrain results, ILogger<ScheduledFunctions> logger)
{
    /// <summary>Every 5 minutes.</summary>
    public const string DeltaPollSchedule = "0 */5 * * * *";

    /// <summary>Hourly; the subscription is renewed only inside its renewal window.</summary>
    public const string SubscriptionRenewalSchedule = "0 7 * * * *";

    /// <summary>Every 10 seconds.</summary>
    public const string ResultsDrainSchedule = "*/10 * * * * *";

    /// <summary>Signals the delta workflow.</summary>
    [Function("DeltaPoll")]
    public Task DeltaPoll([TimerTrigger(DeltaPollSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        new DeltaWorkflowSignal(client, logger).RequestDeltaAsync("timer", cancellationToken);

    /// <summary>Keeps the Graph subscription on <c>/groups</c> alive.</summary>
    [Function("RenewSubscription")]
    public Task RenewSubscription([TimerTrigger(SubscriptionRenewalSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        subscriptions.RenewAsync(cancellationToken);

    /// <summary>Delivers the agent's results to the waiting orchestrations.</summary>
    [Function("DrainResults")]
    public Task DrainResults([TimerTrigger(ResultsDrainSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        results.DrainAsync(client, cancellationToken);
}
