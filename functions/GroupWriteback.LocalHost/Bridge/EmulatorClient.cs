using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Requests;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>
/// Changes the emulated tenant the way an Entra administrator would, through Graph's own endpoints
/// (<c>POST /groups</c>, <c>PATCH</c>, <c>members/$ref</c>, <c>DELETE</c>) on the local host's emulator.
/// </summary>
internal sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for the emulator served under <paramref name="baseUrl"/>.</summary>
    public EmulatorClient(Uri baseUrl)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl, "v1.0/"), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "local-bridge");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>Creates a security group; returns its id.</summary>
    public Task<string> CreateSecurityGroupAsync(string displayName, IEnumerable<string> memberIds, CancellationToken cancellationToken) =>
        CreateGroupAsync(
            new JsonObject { ["displayName"] = displayName, ["mailNickname"] = Nickname(displayName), ["mailEnabled"] = false, ["securityEnabled"] = true },
            memberIds,
            cancellationToken);

    /// <summary>Creates a Microsoft 365 group; returns its id.</summary>
    public Task<string> CreateMicrosoft365GroupAsync(string displayName, string mailNickname, IEnumerable<string> memberIds, CancellationToken cancellationToken) =>
        CreateGroupAsync(
            new JsonObject
            {
                ["displayName"] = displayName,
                ["mailNickname"] = mailNickname,
                ["mail"] = $"{mailNickname}@corp.test",
                ["mailEnabled"] = true,
                ["securityEnabled"] = false,
                ["groupTypes"] = new JsonArray("Unified"),
            },
            memberIds,
            cancellationToken);

    /// <summary>Changes a group's properties (<c>displayName</c>, <c>description</c>, …).</summary>
    public Task UpdateGroupAsync(string groupId, JsonObject changes, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"groups/{groupId}", changes, cancellationToken);

    /// <summary>Adds a user or group to a group.</summary>
    public Task AddMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"groups/{groupId}/members/$ref", new JsonObject { ["@odata.id"] = Reference(memberId) }, cancellationToken);

    /// <summary>Removes a member from a group.</summary>
    public Task RemoveMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"groups/{groupId}/members/{memberId}/$ref", null, cancellationToken);

    /// <summary>Creates a device (a group member in Entra ID that is never one on-premises); returns its id.</summary>
    public async Task<string> CreateDeviceAsync(string displayName, CancellationToken cancellationToken)
    {
        var created = await SendAsync(HttpMethod.Post, "devices", new JsonObject { ["displayName"] = displayName, ["accountEnabled"] = true }, cancellationToken);
        return created?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("The emulator created a device without an id.");
    }

    /// <summary>Adds and removes many members of a group in one tenant change (each member is still its own delta entry).</summary>
    public async Task ChangeMembersAsync(string groupId, IEnumerable<string> add, IEnumerable<string> remove, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["add"] = new JsonArray([.. add.Select(id => (JsonNode)JsonValue.Create(id))]),
            ["remove"] = new JsonArray([.. remove.Select(id => (JsonNode)JsonValue.Create(id))]),
        };
        await SendAsync(HttpMethod.Post, $"/emulator/groups/{groupId}/members", body, cancellationToken);
    }

    /// <summary>Every Graph request the emulator answered since it started or since <see cref="ClearRequestsAsync"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(CancellationToken cancellationToken)
    {
        var list = await SendAsync(HttpMethod.Get, "/emulator/requests", null, cancellationToken) as JsonArray ?? [];
        return [.. list.OfType<JsonObject>().Select(r => new RecordedRequest(
            r["method"]!.GetValue<string>(), r["pathAndQuery"]!.GetValue<string>(), r["statusCode"]!.GetValue<int>(), r["at"]!.GetValue<DateTimeOffset>()))];
    }

    /// <summary>Empties the emulator's request log.</summary>
    public Task ClearRequestsAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, "/emulator/requests", null, cancellationToken);

    /// <summary>Deletes a group.</summary>
    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"groups/{groupId}", null, cancellationToken);

    /// <summary>Answers the next <paramref name="count"/> Graph requests under <paramref name="path"/> with <paramref name="statusCode"/> and a Retry-After.</summary>
    public Task InjectFaultAsync(string path, int statusCode, int retryAfterSeconds, int count, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            "/emulator/faults",
            new JsonObject { ["path"] = path, ["statusCode"] = statusCode, ["retryAfterSeconds"] = retryAfterSeconds, ["count"] = count },
            cancellationToken);

    /// <summary>Makes every Graph request wait <paramref name="latency"/> before it is answered (zero: at once).</summary>
    public Task SetLatencyAsync(TimeSpan latency, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/emulator/latency", new JsonObject { ["milliseconds"] = (int)latency.TotalMilliseconds }, cancellationToken);

    /// <summary>Expires every delta token: the next delta request with one answers 410 Gone, as Graph does after a reset.</summary>
    public Task ExpireDeltaTokensAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/emulator/delta/expire", null, cancellationToken);

    /// <summary>The tenant as it is now: users, and groups with their members.</summary>
    public async Task<TenantFileDocument> GetTenantAsync(CancellationToken cancellationToken)
    {
        await using var body = await _http.GetStreamAsync(new Uri("/emulator/tenant", UriKind.Relative), cancellationToken);
        return TenantFile.ReadDocument(body, "the emulator's tenant");
    }

    private async Task<string> CreateGroupAsync(JsonObject body, IEnumerable<string> memberIds, CancellationToken cancellationToken)
    {
        body["members@odata.bind"] = new JsonArray([.. memberIds.Select(id => (JsonNode)Reference(id))]);
        var created = await SendAsync(HttpMethod.Post, "groups", body, cancellationToken);
        return created?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("The emulator created a group without an id.");
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} on the Graph emulator answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private string Reference(string id) => new Uri(_http.BaseAddress!, $"directoryObjects/{id}").ToString();

    private static string Nickname(string displayName) =>
        new string(displayName.Where(char.IsAsciiLetterOrDigit).Take(40).ToArray()) is { Length: > 0 } nick ? nick : "group";
}
