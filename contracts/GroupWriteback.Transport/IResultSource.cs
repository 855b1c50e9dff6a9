namespace GroupWriteback.Transport;

/// <summary>Cloud side: drains the results queue (peek-lock).</summary>
public interface IResultSource
{
    /// <summary>Receives up to <paramref name="maxMessages"/> results, waiting at most <paramref name="maxWait"/>.</summary>
    Task<IReadOnlyList<ReceivedResult>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken);
}
