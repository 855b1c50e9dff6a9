using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api.Access;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace GroupWriteback.LocalHost.Tests.SignIn;

/// <summary>
/// The running local host with <c>AdminAuth:Entra:*</c> set: it tells the console where to sign in, takes the
/// provider's tokens as their principal, refuses a forged one even beside the key, and still takes the key alone.
/// </summary>
public sealed class EntraSignInTests(SignInHostFixture host) : IClassFixture<SignInHostFixture>
{
    [Fact]
    public async Task SignIn_Anonymous_TheProvidersAuthorityClientAndScope()
    {
        using var http = host.Client();

        var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/sign-in", UriKind.Relative))).RootElement;

        Assert.True(answer.GetProperty("enabled").GetBoolean());
        Assert.Equal(host.Provider.Issuer, answer.GetProperty("authority").GetString());
        Assert.Equal(LocalTenant.ClientId, answer.GetProperty("clientId").GetString());
        Assert.Equal($"api://{LocalTenant.ClientId}/Writeback.Access", answer.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Me_ProvidersToken_TheSignedInUserAndItsRoles()
    {
        using var http = host.Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Provider.AccessToken(host.Operator));

        var me = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/me", UriKind.Relative))).RootElement;

        Assert.Equal((host.Operator.ObjectId, "operator@corp.test", "entra"), (me.GetProperty("id").GetString(), me.GetProperty("name").GetString(), me.GetProperty("authentication").GetString()));
        Assert.Equal([AdminRoles.Read, AdminRoles.Operate], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Approve_TokenWithoutTheApproveRole_403NamingTheRoleAndTheUser()
    {
        using var http = host.Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Provider.AccessToken(host.Operator));

        using var response = await http.PostAsync(new Uri("api/approvals/disable-writeback", UriKind.Relative), new StringContent("""{"decision":"approve"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(AdminRoles.Approve, error.GetProperty("target").GetString());
        Assert.Contains("operator@corp.test", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ForgedTokenBesideTheKey_401NotDowngradedToTheKey()
    {
        using var http = host.Client();
        http.DefaultRequestHeaders.Add("x-functions-key", SignInHostFixture.Key);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Tenant.Token(d => d.SigningCredentials = host.Tenant.Forged(), AdminRoles.Approve));

        using var response = await http.GetAsync(new Uri("api/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("bearer token was refused", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_KeyAlone_StillTheKeyCaller()
    {
        using var http = host.Client();
        http.DefaultRequestHeaders.Add("x-functions-key", SignInHostFixture.Key);

        var me = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/me", UriKind.Relative))).RootElement;

        Assert.Equal(("local administrator (key)", "key"), (me.GetProperty("name").GetString(), me.GetProperty("authentication").GetString()));
    }

    [Fact]
    public async Task Provider_CodeRedeemedOnlyWithTheVerifierOfItsChallenge()
    {
        const string verifier = "a-verifier-of-forty-three-characters-or-more-0123";
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Provider.Instance };
        var authorize = $"{LocalTenant.TenantId}/oauth2/v2.0/authorize?client_id={LocalTenant.ClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(host.ConsoleUrl)}" +
            $"&scope=x&state=s1&code_challenge={challenge}&code_challenge_method=S256";
        using var redirect = await http.GetAsync(new Uri(authorize, UriKind.Relative));
        var code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();

        using var wrong = await RedeemAsync(http, code, verifier + "x");
        using var again = await RedeemAsync(http, code, verifier);

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(host.ConsoleUrl + "?code=", redirect.Headers.Location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (wrong.StatusCode, again.StatusCode));
        Assert.Contains("PKCE verifier does not match the challenge", host.Provider.Refusals);
        Assert.Contains("unknown or used code", host.Provider.Refusals);
    }

    [Fact]
    public async Task Status_NoCredentials_401()
    {
        using var http = host.Client();

        using var response = await http.GetAsync(new Uri("api/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> RedeemAsync(HttpClient http, string code, string verifier) =>
        http.PostAsync(new Uri($"{LocalTenant.TenantId}/oauth2/v2.0/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = LocalTenant.ClientId,
            ["redirect_uri"] = host.ConsoleUrl,
            ["code"] = code,
            ["code_verifier"] = verifier,
        }));
}
