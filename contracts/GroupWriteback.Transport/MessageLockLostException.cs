namespace GroupWriteback.Transport;

/// <summary>
/// The lock on a message or session expired (or was taken over by another consumer) before it was
/// settled. The message will be delivered again; the consumer must not assume its settlement took effect.
/// Both transports raise this, so consumers handle one type.
/// </summary>
public sealed class MessageLockLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageLockLostException()
        : this("The message lock was lost.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public MessageLockLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MessageLockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
