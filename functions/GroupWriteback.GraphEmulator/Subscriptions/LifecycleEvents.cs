namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>Graph's <c>lifecycleEvent</c> values.</summary>
internal static class LifecycleEvents
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";

    public static IReadOnlyList<string> All { get; } = [ReauthorizationRequired, SubscriptionRemoved, Missed];
}
