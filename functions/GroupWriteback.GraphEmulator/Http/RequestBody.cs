using System.Text.Json;
using System.Text.Json.Nodes;

namespace GroupWriteback.GraphEmulator.Http;

/// <summary>Reads a Graph request body as a JSON object and its typed properties.</summary>
internal static class RequestBody
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw new InvalidRequestException("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestException($"Invalid JSON in the request body: {ex.Message}", ex);
        }
    }

    public static string? String(JsonObject body, string name) => Read(body, name, n => n.GetValue<string>());

    public static string RequiredString(JsonObject body, string name) =>
        String(body, name) ?? throw new InvalidRequestException($"A value is required for property '{name}' of resource 'Group'.");

    public static bool? Bool(JsonObject body, string name) => Read<bool?>(body, name, n => n.GetValue<bool>());

    public static IReadOnlyList<string>? Strings(JsonObject body, string name) =>
        Read<IReadOnlyList<string>?>(body, name, n => [.. n.AsArray().Select(i => i!.GetValue<string>())]);

    public static T? Read<T>(JsonObject body, string name, Func<JsonNode, T> read)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return default;
        }

        try
        {
            return read(node);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new InvalidRequestException($"Invalid value for property '{name}': {node.ToJsonString()}.", ex);
        }
    }
}
