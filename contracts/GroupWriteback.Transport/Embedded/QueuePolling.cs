namespace GroupWriteback.Transport.Embedded;

/// <summary>Waits for something to arrive by asking at the configured interval until a deadline.</summary>
internal static class QueuePolling
{
    public static async Task<T?> UntilAsync<T>(
        Func<CancellationToken, Task<T?>> attempt,
        TimeSpan maxWait,
        EmbeddedQueueStore store,
        CancellationToken cancellationToken)
        where T : class
    {
        var deadline = store.Time.GetUtcNow() + maxWait;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await attempt(cancellationToken) is { } found)
            {
                return found;
            }

            var remaining = deadline - store.Time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            var pause = remaining < store.Options.PollInterval ? remaining : store.Options.PollInterval;
            await Task.Delay(pause, store.Time, cancellationToken);
        }
    }
}
