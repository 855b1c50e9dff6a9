using System.Net;
using GroupWriteback.LocalHost.Tests.Bridge;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Tests.Api;

/// <summary>The admin API of the running local host needs its key, whose caller holds every role by default; the Graph webhook needs none.</summary>
[Collection(BridgeCollection.Name)]
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class AdminApiAuthorizationTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-wrong-key")]
    public async Task Status_WithoutTheKey_Answers401InTheErrorShape(string? key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Bridge.Settings.BaseUrl };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        using var response = await http.GetAsync(new Uri("api/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"code\":\"unauthorized\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithTheKeyAsCode_Answers200()
    {
        using var http = new HttpClient { BaseAddress = fixture.Bridge.Settings.BaseUrl };

        using var response = await http.GetAsync(new Uri($"api/status?code={fixture.Bridge.Settings.ApiKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_WithTheKey_TheLocalAdministratorWithAllThreeRoles()
    {
        using var http = new HttpClient { BaseAddress = fixture.Bridge.Settings.BaseUrl };
        http.DefaultRequestHeaders.Add("x-functions-key", fixture.Bridge.Settings.ApiKey);

        using var response = await http.GetAsync(new Uri("api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"id":"key:local administrator (key)","name":"local administrator (key)","roles":["Writeback.Read","Writeback.Operate","Writeback.Approve"],"authentication":"key"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GraphWebhook_ValidationHandshake_AnsweredWithoutTheKey()
    {
        using var http = new HttpClient { BaseAddress = fixture.Bridge.Settings.BaseUrl };

        using var response = await http.PostAsync(new Uri("api/graph/notifications?validationToken=abc%20123", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abc 123", await response.Content.ReadAsStringAsync());
    }
}
