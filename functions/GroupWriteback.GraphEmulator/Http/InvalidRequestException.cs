namespace GroupWriteback.GraphEmulator.Http;

/// <summary>A request body or parameter Graph would reject with 400; <see cref="Code"/> is Graph's error code.</summary>
internal sealed class InvalidRequestException : Exception
{
    public const string BadRequestCode = "Request_BadRequest";

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

    public InvalidRequestException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; } = BadRequestCode;
}
