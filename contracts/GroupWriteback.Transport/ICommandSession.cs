namespace GroupWriteback.Transport;

/// <summary>A locked session (one group's commands, in order). Disposing releases the lock.</summary>
public interface ICommandSession : IAsyncDisposable
{
    /// <summary>The session id (the group id).</summary>
    string SessionId { get; }

    /// <summary>
    /// Peek-locks the session's next message, or returns null when none arrives within
    /// <paramref name="maxWait"/>. The message must be completed, abandoned or dead-lettered.
    /// </summary>
    Task<ReceivedCommand?> ReceiveAsync(TimeSpan maxWait, CancellationToken cancellationToken);
}
