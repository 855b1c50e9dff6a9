namespace GroupWriteback.Cloud.Graph;

/// <summary>Graph answered <c>410 Gone</c> to a delta link: the round must restart with a full sync.</summary>
internal sealed class DeltaTokenExpiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeltaTokenExpiredException()
        : base("The Graph delta token has expired (410 Gone).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltaTokenExpiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the Graph error.</summary>
    public DeltaTokenExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
