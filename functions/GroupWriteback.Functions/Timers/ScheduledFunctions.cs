using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Cloud.Results;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Timers;

/// <summary>
/// The timers: the delta poll (Graph sends no <c>missed</c> lifecycle events for groups, so polling
/// is the safety net behind notifications), the subscription renewal and the results drain. A
/// <c>[DurableClient]</c> parameter only asks the host for the client the services receive.
/// </summary>
internal sealed class ScheduledFunctions(IServiceProvider services)
{
    /// <summary>Every 5 minutes.</summary>
    public const string DeltaPollSchedule = "0 */5 * * * *";

    /// <summary>Hourly; the subscription is renewed only inside its renewal window.</summary>
    public const string SubscriptionRenewalSchedule = "0 7 * * * *";

    /// <summary>Every 10 seconds.</summary>
    public const string ResultsDrainSchedule = "*/10 * * * * *";

    /// <summary>Hourly; deletes the audit entries past <c>Audit:RetentionDays</c>.</summary>
    public const string AuditPruneSchedule = "0 23 * * * *";

#pragma warning disable IDE0060 // The trigger and [DurableClient] parameters declare the bindings.
    /// <summary>Signals the delta workflow.</summary>
    [Function("DeltaPoll")]
    public Task DeltaPoll([TimerTrigger(DeltaPollSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Get<IDeltaSignal>().RequestDeltaAsync("timer", cancellationToken);

    /// <summary>Keeps the Graph subscription on <c>/groups</c> alive.</summary>
    [Function("RenewSubscription")]
    public Task RenewSubscription([TimerTrigger(SubscriptionRenewalSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Get<SubscriptionRenewal>().RenewAsync(cancellationToken);

    /// <summary>Delivers the agent's results to the waiting orchestrations.</summary>
    [Function("DrainResults")]
    public Task DrainResults([TimerTrigger(ResultsDrainSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Get<ResultsDrain>().DrainAsync(cancellationToken);

    /// <summary>Keeps the audit trail to its retention.</summary>
    [Function("PruneAudit")]
    public Task PruneAudit([TimerTrigger(AuditPruneSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Get<AuditRetention>().PruneAsync(cancellationToken);
#pragma warning restore IDE0060

    // Resolved when the timer fires: the services that use the Durable client exist only once it is bound.
    private T Get<T>()
        where T : notnull => services.GetRequiredService<T>();
}
