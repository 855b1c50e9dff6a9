namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>
/// Answers a lifecycle event that needs the subscription changed: <c>reauthorizationRequired</c> (reauthorize) and
/// <c>subscriptionRemoved</c> (create it again). The default, <see cref="InlineSubscriptionRepair"/>, calls Graph
/// during the notification request; a host may register one that hands the work to a workflow instead.
/// </summary>
internal interface ISubscriptionRepair
{
    Task RepairAsync(string subscriptionId, string lifecycleEvent, CancellationToken ct);
}
