using GroupWriteback.GraphEmulator.Requests;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>What kind of request the emulator sent to a subscriber.</summary>
internal enum DeliveryKind
{
    Validation,
    Change,
    Lifecycle,
}

/// <summary>One outbound request to a subscriber: which attempt, how many notifications, what came back (null: no answer).</summary>
internal sealed record NotificationDelivery(
    string? SubscriptionId, DeliveryKind Kind, Uri Url, int NotificationCount, int Attempt, int? StatusCode, DateTimeOffset At)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>Every outbound request to subscribers, in order.</summary>
internal sealed class DeliveryLog : AppendOnlyLog<NotificationDelivery>;
