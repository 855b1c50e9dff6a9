namespace GroupWriteback.Contracts;

/// <summary>A queue message or command file that is not valid wire JSON.</summary>
public sealed class WireFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WireFormatException(string message, Exception? inner = null, bool unsupportedVersion = false)
        : base(message, inner) => UnsupportedVersion = unsupportedVersion;

    /// <summary>Creates the exception.</summary>
    public WireFormatException(string message, bool unsupportedVersion)
        : this(message, null, unsupportedVersion)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WireFormatException()
        : this("Invalid wire JSON.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public WireFormatException(string message)
        : this(message, null, false)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WireFormatException(string message, Exception innerException)
        : this(message, innerException, false)
    {
    }

    /// <summary>True when the message is from a newer wire version.</summary>
    public bool UnsupportedVersion { get; }
}
