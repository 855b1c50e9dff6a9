using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GroupWriteback.Cloud.Api;

/// <summary>
/// What an admin endpoint answers, independent of the host: a status code and a body with its
/// content type. The Functions app and a Kestrel host each copy it to their own response.
/// </summary>
public sealed record ApiResponse(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>The content type of JSON bodies.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>A JSON body written with the source-generated <paramref name="type"/>.</summary>
    public static ApiResponse Json<T>(int statusCode, T value, JsonTypeInfo<T> type) =>
        new(statusCode, JsonContentType, JsonSerializer.SerializeToUtf8Bytes(value, type));

    /// <summary>The one error shape: <c>{ "error": { "code", "message", "target" } }</c>.</summary>
    public static ApiResponse Error(int statusCode, string code, string message, string? target = null) =>
        Json(statusCode, new ErrorBody(new ErrorDetail(code, message, target)), ApiJsonContext.Default.ErrorBody);

    /// <summary>A plain-text body (the Graph validation handshake).</summary>
    public static ApiResponse Text(int statusCode, string text) =>
        new(statusCode, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    /// <summary>No body.</summary>
    public static ApiResponse Empty(int statusCode) => new(statusCode, JsonContentType, ReadOnlyMemory<byte>.Empty);
}
