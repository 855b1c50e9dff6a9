using System.Text.Json;

namespace GroupWriteback.Cloud.Graph.Notifications;

/// <summary>
/// What the notification endpoint answers, independent of the host: an Azure Functions HTTP trigger and a Kestrel
/// endpoint both write the status, the content type (when there is a body) and the body as they are.
/// </summary>
internal sealed record NotificationResponse(int StatusCode, string? ContentType, string? Body)
{
    public const string TextPlain = "text/plain; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";

    /// <summary>202: the batch was taken.</summary>
    public static NotificationResponse Accepted { get; } = new(202, null, null);

    /// <summary>200 with the validation token as text/plain, as Graph's endpoint validation requires.</summary>
    public static NotificationResponse Validation(string token) => new(200, TextPlain, token);

    /// <summary>A Graph-style error body: <c>{"error":{"code","message"}}</c>.</summary>
    public static NotificationResponse Error(int statusCode, string code, string message)
    {
        var body = JsonSerializer.Serialize(new NotificationError(new NotificationErrorDetail(code, message)), NotificationJsonContext.Default.NotificationError);
        return new NotificationResponse(statusCode, Json, body);
    }
}
