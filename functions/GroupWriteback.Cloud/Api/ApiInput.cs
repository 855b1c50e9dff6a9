using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GroupWriteback.Cloud.Workflows;

namespace GroupWriteback.Cloud.Api;

/// <summary>Validates path values and bodies; a bad input becomes a 400 that names it.</summary>
internal static class ApiInput
{
    /// <summary>Largest request body read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The group id in Graph's form (lower-case GUID), or a 400 naming <paramref name="target"/>.</summary>
    public static bool TryGroupId(string? value, string target, out string groupId, out ApiResponse? error)
    {
        if (Guid.TryParse(value, out var id))
        {
            groupId = id.ToString("D");
            error = null;
            return true;
        }

        groupId = string.Empty;
        error = ApiResponse.Error(
            400,
            ErrorCodes.InvalidArgument,
            $"'{Shorten(value)}' is not a group object id; expected a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.",
            target);
        return false;
    }

    /// <summary>An instance that can wait for approvals: delta, full-sync, disable-writeback or group-&lt;id&gt;.</summary>
    public static bool TryApprovalInstance(string? value, out string instanceId, out ApiResponse? error)
    {
        instanceId = value ?? string.Empty;
        error = null;
        if (value is InstanceIds.Delta or InstanceIds.FullSync or InstanceIds.DisableWriteback)
        {
            return true;
        }

        if (InstanceIds.GroupIdOf(value ?? string.Empty) is { } groupId && TryGroupId(groupId, "instanceId", out var normalized, out _))
        {
            instanceId = InstanceIds.ForGroup(normalized);
            return true;
        }

        error = ApiResponse.Error(
            400,
            ErrorCodes.InvalidArgument,
            $"'{Shorten(value)}' is not an instance that takes approvals; expected {InstanceIds.Delta}, {InstanceIds.FullSync}, {InstanceIds.DisableWriteback} or {InstanceIds.GroupPrefix}<group id>.",
            "instanceId");
        return false;
    }

    /// <summary>Reads a JSON body; an empty body gives <paramref name="whenEmpty"/>, or a 400 when that is null.</summary>
    public static bool TryBody<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type, T? whenEmpty, out T value, out ApiResponse? error)
        where T : class
    {
        value = whenEmpty!;
        error = null;
        if (body.Length > MaxBodyBytes)
        {
            error = ApiResponse.Error(413, ErrorCodes.InvalidBody, $"The body is larger than {MaxBodyBytes} bytes.", "body");
            return false;
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            if (whenEmpty is not null)
            {
                return true;
            }

            error = ApiResponse.Error(400, ErrorCodes.InvalidBody, "A JSON body is required.", "body");
            return false;
        }

        try
        {
            if (JsonSerializer.Deserialize(body.Span, type) is { } parsed)
            {
                value = parsed;
                return true;
            }
        }
        catch (JsonException ex)
        {
            error = ApiResponse.Error(400, ErrorCodes.InvalidBody, $"The body is not valid JSON for this request: {ex.Message}", ex.Path is { Length: > 0 } path ? path : "body");
            return false;
        }

        error = ApiResponse.Error(400, ErrorCodes.InvalidBody, "The body must be a JSON object.", "body");
        return false;
    }

    /// <summary>Keeps echoed input short so a huge value does not flood the answer.</summary>
    internal static string Shorten(string? value) =>
        value is null ? string.Empty : value.Length <= 80 ? value : value[..80] + "…";
}
