namespace GroupWriteback.GraphEmulator.Querying;

/// <summary>A query option the emulator (or Graph) does not support; answered with 400 Request_UnsupportedQuery.</summary>
internal sealed class UnsupportedQueryException : Exception
{
    public UnsupportedQueryException()
    {
    }

    public UnsupportedQueryException(string message)
        : base(message)
    {
    }

    public UnsupportedQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
