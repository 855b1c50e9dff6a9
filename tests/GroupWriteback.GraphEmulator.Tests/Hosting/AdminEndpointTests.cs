using System.Net;
using System.Net.Http.Json;
using System.Text;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Tests.Support;

namespace GroupWriteback.GraphEmulator.Tests.Hosting;

public sealed class AdminEndpointTests : IAsyncLifetime
{
    private const string TenantJson = """
        {
          "tenantId": "aaaaaaaa-0000-0000-0000-000000000001",
          "users": [ { "displayName": "Ada", "userPrincipalName": "ada@corp.test", "onPremisesSecurityIdentifier": "S-1-5-21-1-1-1-1001" } ],
          "groups": [
            { "displayName": "Outer", "mailNickname": "outer", "securityEnabled": true, "members": [ "inner" ] },
            { "displayName": "Inner", "mailNickname": "inner", "securityEnabled": true, "members": [ "ada@corp.test" ],
              "writebackConfiguration": { "isEnabled": true, "onPremisesGroupType": "universalSecurityGroup" } }
          ]
        }
        """;

    private RunningGraphEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await GraphEmulatorServer.StartAsync(SyntheticUsers.Tenant(2));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Reset_WithTenantFile_ReplacesContentAndExportRoundTrips()
    {
        // Arrange
        using var http = Admin();
        using var content = new StringContent(TenantJson, Encoding.UTF8, "application/json");

        // Act
        using var reset = await http.PostAsync(new Uri("emulator/reset", UriKind.Relative), content);
        var exported = await http.GetStringAsync(new Uri("emulator/tenant", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000001", _emulator.Tenant.TenantId);
        Assert.Equal(["Outer", "Inner"], _emulator.Tenant.ListGroups().Select(g => g.DisplayName).ToArray());
        var reloaded = TenantFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(exported)));
        var inner = reloaded.ListGroups().Single(g => g.DisplayName == "Inner");
        Assert.Equal(new WritebackConfiguration(true, "universalSecurityGroup"), inner.WritebackConfiguration);
        Assert.Equal("ada@corp.test", reloaded.FindUser(reloaded.ListMembers(inner.Id).Single().Id)!.UserPrincipalName);
    }

    [Fact]
    public async Task Reset_InvalidFile_Answers400AndKeepsTenant()
    {
        // Arrange
        using var http = Admin();
        using var content = new StringContent("""{ "groups": [ { "displayName": "X", "members": [ "nobody" ] } ] }""", Encoding.UTF8, "application/json");

        // Act
        using var response = await http.PostAsync(new Uri("emulator/reset", UriKind.Relative), content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, _emulator.Tenant.ListUsers().Count);
    }

    [Fact]
    public async Task Faults_PostedOverHttp_AreServedAndLogged()
    {
        // Arrange
        using var http = Admin();
        using var fault = await http.PostAsJsonAsync(new Uri("emulator/faults", UriKind.Relative), new FaultRequest("/v1.0/users", 503, 4, 2));
        var request = () => new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator.BaseUrl + "/users")) { Headers = { Authorization = new("Bearer", "t") } };

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var message = request();
            using var response = await http.SendAsync(message);
            statuses.Add(response.StatusCode);
        }

        var log = await http.GetStringAsync(new Uri("emulator/requests", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Contains("\"statusCode\": 503", log, StringComparison.Ordinal);
        Assert.Equal(3, _emulator.Control.Requests.Matching("/v1.0/users", "GET").Count);
    }

    [Fact]
    public async Task Lifecycle_UnknownSubscription_Answers404()
    {
        // Arrange
        using var http = Admin();

        // Act
        using var response = await http.PostAsJsonAsync(new Uri("emulator/subscriptions/nope/lifecycle", UriKind.Relative), new LifecycleRequest("reauthorizationRequired"));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient Admin() => new() { BaseAddress = _emulator.RootUrl };
}
