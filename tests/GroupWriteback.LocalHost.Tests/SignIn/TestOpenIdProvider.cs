using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Tests.Api.Access;
using GroupWriteback.LocalHost.Bridge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace GroupWriteback.LocalHost.Tests.SignIn;

/// <summary>
/// A small OpenID provider on loopback that stands in for Entra ID's v2.0 endpoints of <see cref="LocalTenant"/>:
/// the metadata and key set, <c>/authorize</c> (signs <see cref="User"/> in at once and sends the code to the
/// registered redirect URI with the state), and <c>/token</c>, which redeems a code once, only for the client and
/// redirect URI it was issued to and only with the PKCE verifier whose S256 challenge came with it, and answers an
/// RS256 access token for the admin API carrying the user's <c>roles</c>. CORS is open, as Entra's is for SPAs.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private TestOpenIdProvider(WebApplication app, int port, LocalTenant tenant, SignInUser user, string redirectUri)
    {
        _app = app;
        Tenant = tenant;
        User = user;
        RedirectUri = redirectUri;
        Instance = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The root to configure as <c>AdminAuth:Entra:Instance</c>.</summary>
    public Uri Instance { get; }

    /// <summary>The issuer of the tokens, as the metadata names it.</summary>
    public string Issuer => $"{Instance.AbsoluteUri}{LocalTenant.TenantId}/v2.0";

    /// <summary>The tenant whose key signs the tokens.</summary>
    public LocalTenant Tenant { get; }

    /// <summary>Who signs in.</summary>
    public SignInUser User { get; }

    /// <summary>The one SPA redirect URI registered for <see cref="LocalTenant.ClientId"/>.</summary>
    public string RedirectUri { get; }

    /// <summary>Codes redeemed with the right verifier.</summary>
    public int Redeemed { get; private set; }

    /// <summary>Token requests refused, with why.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Starts the provider on a free loopback port; <paramref name="redirectUri"/> is the console's address.</summary>
    public static async Task<TestOpenIdProvider> StartAsync(LocalTenant tenant, SignInUser user, string redirectUri)
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var provider = new TestOpenIdProvider(app, port, tenant, user, redirectUri);
        provider.Map(app);
        await app.StartAsync();
        return provider;
    }

    /// <summary>An access token for the admin API as <see cref="Issuer"/> issues one to <paramref name="user"/>.</summary>
    public string AccessToken(SignInUser user) => Tenant.Token(
        d =>
        {
            d.Issuer = Issuer;
            d.Claims["oid"] = user.ObjectId;
            d.Claims["preferred_username"] = user.Name;
            d.Claims["scp"] = EntraSignInOptions.ScopeName;
            d.Claims["azp"] = LocalTenant.ClientId;
        },
        [.. user.Roles]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication web)
    {
        var tenant = $"/{LocalTenant.TenantId}";
        web.Use(async (context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            await next(context);
        });
        web.MapGet($"{tenant}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Instance.AbsoluteUri}{LocalTenant.TenantId}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance.AbsoluteUri}{LocalTenant.TenantId}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{Instance.AbsoluteUri}{LocalTenant.TenantId}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        web.MapGet($"{tenant}/discovery/v2.0/keys", () => Results.Text(Tenant.Jwks(), "application/json"));
        web.MapGet($"{tenant}/oauth2/v2.0/authorize", Authorize);
        web.MapPost($"{tenant}/oauth2/v2.0/token", TokenAsync);
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != LocalTenant.ClientId || query["redirect_uri"] != RedirectUri)
        {
            // Entra shows its own error page rather than redirect to an address it does not know.
            return Results.BadRequest($"AADSTS50011: unknown client or redirect URI {query["redirect_uri"]}.");
        }

        if (query["response_type"] != "code" || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["state"]))
        {
            return Results.Redirect($"{RedirectUri}?error=invalid_request&error_description=code+with+an+S256+challenge+and+a+state+required&state={Uri.EscapeDataString(query["state"].ToString())}");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _grants[code] = new Grant(query["code_challenge"]!, query["scope"].ToString());
        return Results.Redirect($"{RedirectUri}?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var code = form["code"].ToString();
        string? refusal = form["grant_type"] != "authorization_code" ? "unsupported grant"
            : form["client_id"] != LocalTenant.ClientId || form["redirect_uri"] != RedirectUri ? "client or redirect URI differs"
            : !_grants.TryRemove(code, out var grant) ? "unknown or used code"
            : !Challenge(form["code_verifier"].ToString()).Equals(grant.Challenge, StringComparison.Ordinal) ? "PKCE verifier does not match the challenge"
            : null;
        if (refusal is not null)
        {
            Refusals.Enqueue(refusal);
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant", ["error_description"] = refusal }, statusCode: 400);
        }

        Redeemed++;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["access_token"] = AccessToken(User),
            ["expires_in"] = 3600,
            ["scope"] = form["scope"].ToString(),
        });
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private sealed record Grant(string Challenge, string Scope);
}
