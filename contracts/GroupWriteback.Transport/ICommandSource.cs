namespace GroupWriteback.Transport;

/// <summary>Agent side: takes the next group session that has commands waiting.</summary>
public interface ICommandSource
{
    /// <summary>
    /// Locks the next session with available messages, or returns null when none arrives within
    /// <paramref name="maxWait"/>. While locked, no other consumer receives that session's messages.
    /// </summary>
    Task<ICommandSession?> AcceptNextSessionAsync(TimeSpan maxWait, CancellationToken cancellationToken);
}
