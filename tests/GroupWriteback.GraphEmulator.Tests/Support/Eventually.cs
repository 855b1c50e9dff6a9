namespace GroupWriteback.GraphEmulator.Tests.Support;

/// <summary>Waits for something asynchronous (a notification delivery) to become true, failing after a generous limit.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<T?> probe, string what, TimeSpan? limit = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
