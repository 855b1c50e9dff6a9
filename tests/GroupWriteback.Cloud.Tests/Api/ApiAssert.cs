using System.Text.Json;
using GroupWriteback.Cloud.Api;

namespace GroupWriteback.Cloud.Tests.Api;

/// <summary>Reads API answers back.</summary>
internal static class ApiAssert
{
    public static ErrorDetail Error(ApiResponse response, int statusCode, string code)
    {
        Assert.Equal(statusCode, response.StatusCode);
        var body = JsonSerializer.Deserialize(response.Body.Span, ApiJsonContext.Default.ErrorBody)!;
        Assert.Equal(code, body.Error.Code);
        Assert.DoesNotContain(" at ", body.Error.Message, StringComparison.Ordinal);
        return body.Error;
    }

    public static T Body<T>(ApiResponse response, int statusCode, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        Assert.Equal(statusCode, response.StatusCode);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        return JsonSerializer.Deserialize(response.Body.Span, type)!;
    }

    public static JsonElement Json(ApiResponse response) => JsonDocument.Parse(response.Body).RootElement;

    public static ReadOnlyMemory<byte> Utf8(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
