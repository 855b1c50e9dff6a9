namespace GroupWriteback.Agent.Directory;

/// <summary>The domain controller cannot be reached or bound; transient by nature.</summary>
internal sealed class DirectoryUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DirectoryUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DirectoryUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DirectoryUnavailableException(string message)
        : base(message)
    {
    }
}
