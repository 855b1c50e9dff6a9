using System.Security.Cryptography;
using GroupWriteback.Cloud.Api.Access;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace GroupWriteback.Cloud.Tests.Api.Access;

/// <summary>
/// A stand-in for an Entra tenant: its OpenID metadata and key set served from memory (no network), and access
/// tokens signed with its RSA key, or with another one; and the admin API's gate over it (<see cref="Credentials"/>).
/// </summary>
public sealed class LocalTenant : IDocumentRetriever, IDisposable
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "66666666-7777-8888-9999-000000000000";

    /// <summary>The keys the gate of <see cref="Credentials"/> accepts.</summary>
    public const string Key = "automation-key-0123456789";
    public const string SecondKey = "rotated-key-abcdefghijkl";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);

    public LocalTenant()
    {
        Signing = new RsaSecurityKey(_key) { KeyId = "tenant-key-1" };
        Options = new EntraSignInOptions { TenantId = TenantId, ClientId = ClientId };
    }

    public EntraSignInOptions Options { get; }

    public RsaSecurityKey Signing { get; }

    public const string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public List<string> Fetched { get; } = [];

    /// <summary>A token as Entra issues one for the admin API, with <paramref name="changes"/> applied.</summary>
    public string Token(Action<SecurityTokenDescriptor>? changes = null, params string[] roles)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["oid"] = "aaaaaaaa-0000-0000-0000-000000000001",
                ["tid"] = TenantId,
                ["preferred_username"] = "approver@corp.test",
                ["roles"] = roles,
            },
            SigningCredentials = new SigningCredentials(Signing, SecurityAlgorithms.RsaSha256),
        };
        changes?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>Signing credentials of a key the tenant never published, under the tenant's key id.</summary>
    public SigningCredentials Forged() => new(new RsaSecurityKey(_stranger) { KeyId = Signing.KeyId }, SecurityAlgorithms.RsaSha256);

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        Fetched.Add(address);
        if (address == Options.MetadataAddress.AbsoluteUri)
        {
            return Task.FromResult($$"""
                {"issuer":"{{Issuer}}","jwks_uri":"https://login.microsoftonline.com/{{TenantId}}/discovery/v2.0/keys",
                 "authorization_endpoint":"https://login.microsoftonline.com/{{TenantId}}/oauth2/v2.0/authorize",
                 "id_token_signing_alg_values_supported":["RS256"]}
                """);
        }

        if (address == $"https://login.microsoftonline.com/{TenantId}/discovery/v2.0/keys")
        {
            return Task.FromResult(Jwks());
        }

        throw new IOException($"No document at {address}.");
    }

    /// <summary>The tenant's key set (JWKS): its one public signing key.</summary>
    public string Jwks()
    {
        var rsa = _key.ExportParameters(false);
        return $$"""
            {"keys":[{"kty":"RSA","use":"sig","kid":"{{Signing.KeyId}}","n":"{{Base64UrlEncoder.Encode(rsa.Modulus)}}","e":"{{Base64UrlEncoder.Encode(rsa.Exponent)}}"}]}
            """;
    }

    /// <summary>A validator of this tenant's tokens.</summary>
    public EntraTokenValidator Validator() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), this, NullLogger<EntraTokenValidator>.Instance);

    /// <summary>The gate over this tenant with keys <see cref="Key"/> and <see cref="SecondKey"/>, whose callers only read.</summary>
    public AdminCredentials Credentials() => new(
        new BearerCredentials(Validator()),
        new AdminKeys([Key, SecondKey], "AdminAuth:Keys"),
        Microsoft.Extensions.Options.Options.Create(new KeyCallerOptions { KeyName = "automation (function key)", KeyRoles = AdminRoles.Read }));

    public void Dispose()
    {
        _key.Dispose();
        _stranger.Dispose();
    }
}
