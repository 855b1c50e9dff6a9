using System.Net;
using System.Text.Json;
using GroupWriteback.LocalHost.Tests.Hosting;

namespace GroupWriteback.LocalHost.Tests.Api;

/// <summary>
/// The running local host with its key narrowed to <c>Writeback.Read</c> (<c>AdminAuth:KeyRoles</c>): the key caller
/// reads, is refused the actions in the API's error shape, and <c>GET /api/me</c> says who it is. No domain controller needed.
/// </summary>
public sealed class KeyPrincipalTests : IAsyncLifetime
{
    private const string Key = "a-key-of-sixteen-or-more";
    private InProcessLocalHost? _host;

    public async Task InitializeAsync() => _host = await InProcessLocalHost.StartAsync(new Dictionary<string, string?>
    {
        ["LocalHost:ApiKey"] = Key,
        ["AdminAuth:KeyRoles"] = "Writeback.Read",
        ["AdminAuth:KeyName"] = "read-only dashboard (key)",
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Me_ReadOnlyKey_NamesTheKeyCallerAndItsOneRole()
    {
        using var http = Client();
        using var response = await http.GetAsync(new Uri("api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("read-only dashboard (key)", me.GetProperty("name").GetString());
        Assert.Equal(["Writeback.Read"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("key", me.GetProperty("authentication").GetString());
    }

    [Fact]
    public async Task ReadOnlyKey_GetsStatus_ButSyncIs403NamingTheRole()
    {
        using var http = Client();
        using var status = await http.GetAsync(new Uri("api/status", UriKind.Relative));
        using var sync = await http.PostAsync(new Uri("api/sync", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sync.StatusCode);
        var error = JsonDocument.Parse(await sync.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(("forbidden", "Writeback.Operate"), (error.GetProperty("code").GetString(), error.GetProperty("target").GetString()));
        Assert.Contains("read-only dashboard (key)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyKey_Approval_403BeforeTheInstanceIsLookedUp()
    {
        using var body = new StringContent("""{"decision":"approve"}""", System.Text.Encoding.UTF8, "application/json");

        using var http = Client();
        using var response = await http.PostAsync(new Uri("api/approvals/disable-writeback", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Writeback.Approve", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = _host!.BaseUrl };
        http.DefaultRequestHeaders.Add("x-functions-key", Key);
        return http;
    }
}
