using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using GroupWriteback.Cloud.Api;
using GroupWriteback.LocalHost.Api;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>The admin API of a local host, typed with the API's own records.</summary>
internal sealed class AdminClient(HttpClient http) : IDisposable
{
    /// <summary>A client for <paramref name="baseUrl"/> that sends <paramref name="apiKey"/>.</summary>
    public static AdminClient Create(Uri baseUrl, string apiKey)
    {
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, apiKey);
        return new AdminClient(http);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    /// <summary><c>GET /api/health</c> answered 200.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("api/health", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary><c>POST /api/sync</c>: true when started, false when one was already running (409).</summary>
    public async Task<bool> StartFullSyncAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("api/sync", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await Accepted(response, cancellationToken);
        return true;
    }

    /// <summary><c>POST /api/groups/{id}/sync</c>.</summary>
    public async Task SyncGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"api/groups/{Uri.EscapeDataString(groupId)}/sync", null, cancellationToken);
        await Accepted(response, cancellationToken);
    }

    /// <summary><c>POST /api/disable</c>.</summary>
    public async Task DisableWritebackAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("api/disable", null, cancellationToken);
        await Accepted(response, cancellationToken);
    }

    /// <summary><c>POST /api/writeback/enable</c>.</summary>
    public async Task EnableWritebackAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("api/writeback/enable", null, cancellationToken);
        await Accepted(response, cancellationToken);
    }

    /// <summary><c>GET /api/status</c>.</summary>
    public Task<StatusReport> GetStatusAsync(CancellationToken cancellationToken) =>
        GetAsync("api/status", ApiJsonContext.Default.StatusReport, cancellationToken)!;

    /// <summary><c>GET /api/groups/{id}</c>, or null while the group has no orchestration.</summary>
    public Task<GroupReport?> GetGroupAsync(string groupId, CancellationToken cancellationToken) =>
        GetAsync($"api/groups/{Uri.EscapeDataString(groupId)}", ApiJsonContext.Default.GroupReport, cancellationToken);

    /// <summary><c>GET /api/approvals</c>.</summary>
    public async Task<ApprovalList> GetApprovalsAsync(CancellationToken cancellationToken) =>
        (await GetAsync("api/approvals", ApiJsonContext.Default.ApprovalList, cancellationToken))!;

    /// <summary>
    /// <c>POST /api/approvals/{instanceId}</c> naming the preview that was looked at; the approver recorded is the key's
    /// principal (<c>AdminAuth:KeyName</c>).
    /// </summary>
    public async Task DecideAsync(PendingApproval pending, bool approve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var body = new ApprovalRequest(approve ? "approve" : "reject", null, "decided from the local bridge", pending.Preview.Id);
        using var response = await http.PostAsJsonAsync($"api/approvals/{Uri.EscapeDataString(pending.InstanceId)}", body, ApiJsonContext.Default.ApprovalRequest, cancellationToken);
        await Accepted(response, cancellationToken);
    }

    private async Task<T?> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccess(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken);
    }

    private static async Task<AcceptedOperation?> Accepted(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccess(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.AcceptedOperation, cancellationToken);
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }
}
