namespace GroupWriteback.GraphEmulator.Http;

/// <summary>A request body or parameter Graph would reject with 400 Request_BadRequest.</summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException()
    {
    }

    public InvalidRequestException(string message)
        : base(message)
    {
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
