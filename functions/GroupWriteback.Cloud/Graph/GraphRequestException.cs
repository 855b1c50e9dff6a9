namespace GroupWriteback.Cloud.Graph;

/// <summary>A Graph request failed or was given up; names the request and carries the HTTP status.</summary>
internal sealed class GraphRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphRequestException()
    {
        Request = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public GraphRequestException(string message)
        : base(message)
    {
        Request = string.Empty;
    }

    /// <summary>Creates the exception with a message and the underlying failure.</summary>
    public GraphRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Request = string.Empty;
    }

    /// <summary>Creates the exception for a request.</summary>
    public GraphRequestException(string request, int? statusCode, bool isTransient, string message, Exception? innerException)
        : base($"Graph request {request} failed{(statusCode is null ? string.Empty : $" with HTTP {statusCode}")}: {message}", innerException)
    {
        Request = request;
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The request, e.g. <c>GET groups/{id}/members</c>.</summary>
    public string Request { get; }

    /// <summary>The last HTTP status, when a response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>Throttling, unavailability or a network failure: trying again later may succeed.</summary>
    public bool IsTransient { get; }
}
