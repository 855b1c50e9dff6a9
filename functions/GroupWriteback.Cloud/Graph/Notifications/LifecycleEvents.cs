namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>Graph's <c>lifecycleEvent</c> values.</summary>
internal static class LifecycleEvents
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";

    /// <summary>Events that need the subscription changed, not only a delta read.</summary>
    public static bool NeedsRepair(string lifecycleEvent) =>
        string.Equals(lifecycleEvent, ReauthorizationRequired, StringComparison.OrdinalIgnoreCase)
        || string.Equals(lifecycleEvent, SubscriptionRemoved, StringComparison.OrdinalIgnoreCase);
}
