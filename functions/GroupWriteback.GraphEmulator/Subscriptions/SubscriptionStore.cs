using System.Collections.Concurrent;

namespace GroupWriteback.GraphEmulator.Subscriptions;

/// <summary>Subscriptions by id. An expired subscription is gone, as in Graph: not listed, not found, not notified.</summary>
internal sealed class SubscriptionStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EmulatedSubscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<EmulatedSubscription> List()
    {
        var now = time.GetUtcNow();
        return [.. _subscriptions.Values.Where(s => s.ExpirationDateTime > now).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    public EmulatedSubscription? Find(string id) =>
        _subscriptions.TryGetValue(id, out var found) && found.ExpirationDateTime > time.GetUtcNow() ? found : null;

    internal void Add(EmulatedSubscription subscription) => _subscriptions[subscription.Id] = subscription;

    /// <summary>Applies <paramref name="change"/> to a live subscription; null when there is none.</summary>
    internal EmulatedSubscription? Update(string id, Func<EmulatedSubscription, EmulatedSubscription> change)
    {
        while (Find(id) is { } current)
        {
            var next = change(current);
            if (_subscriptions.TryUpdate(current.Id, next, current))
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>Removes a subscription, as Graph does when it drops one; false when there was none.</summary>
    public bool Remove(string id) => _subscriptions.TryRemove(id, out _);
}
