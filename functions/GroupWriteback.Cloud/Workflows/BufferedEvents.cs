using Microsoft.DurableTask;

namespace GroupWriteback.Cloud.Workflows;

/// <summary>
/// Takes the external events that arrived while nothing waited for them. An orchestration takes them
/// before it continues as new and hands them to the next generation in its input: not every backend
/// carries unprocessed events over (the in-memory one drops them), so relying on
/// <c>preserveUnprocessedEvents</c> alone would lose signals.
/// </summary>
internal static class BufferedEvents
{
    /// <summary>Every buffered event of <paramref name="eventName"/>, oldest first; never waits.</summary>
    public static IReadOnlyList<T> TakeAll<T>(TaskOrchestrationContext context, string eventName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var taken = new List<T>();
        while (true)
        {
            // A waiter is completed synchronously when the event is already buffered; otherwise it is
            // cancelled at once, and a cancelled waiter does not take later events.
            using var cancel = new CancellationTokenSource();
            var waiter = context.WaitForExternalEvent<T>(eventName, cancel.Token);
            if (!waiter.IsCompletedSuccessfully)
            {
                cancel.Cancel();
                return taken;
            }

            taken.Add(waiter.Result);
        }
    }
}
