using GroupWriteback.Cloud.Api.Access;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GroupWriteback.Cloud.Tests.Api.Access;

/// <summary>Tokens signed locally, metadata served locally: what the worker accepts and what it refuses.</summary>
public sealed class EntraTokenValidatorTests : IDisposable
{
    private readonly LocalTenant _tenant = new();
    private readonly EntraTokenValidator _validator;

    public EntraTokenValidatorTests() =>
        _validator = new EntraTokenValidator(Microsoft.Extensions.Options.Options.Create(_tenant.Options), _tenant, NullLogger<EntraTokenValidator>.Instance);

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task ValidateAsync_TenantsToken_PrincipalWithItsRoles()
    {
        var check = await _validator.ValidateAsync(_tenant.Token(null, AdminRoles.Read, AdminRoles.Approve, "Other.Role"));

        var principal = Assert.IsType<AdminPrincipal>(check.Principal);
        Assert.Equal(("aaaaaaaa-0000-0000-0000-000000000001", "approver@corp.test", AdminAuthentication.Entra), (principal.Id, principal.Name, principal.Authentication));
        Assert.Equal([AdminRoles.Read, AdminRoles.Approve], principal.Roles);
        Assert.Contains(_tenant.Options.MetadataAddress.AbsoluteUri, _tenant.Fetched);
    }

    [Fact]
    public async Task ValidateAsync_AppIdUriAudienceAndApplicationToken_NamedAfterTheApplication()
    {
        var token = _tenant.Token(
            d =>
            {
                d.Audience = $"api://{LocalTenant.ClientId}";
                d.Claims.Remove("preferred_username");
                d.Claims["azp"] = "cccccccc-0000-0000-0000-000000000003";
            },
            AdminRoles.Operate);

        var principal = (await _validator.ValidateAsync(token)).Principal;

        Assert.Equal("application cccccccc-0000-0000-0000-000000000003", principal?.Name);
        Assert.Equal([AdminRoles.Operate], principal?.Roles);
    }

    [Theory]
    [InlineData("another audience", "InvalidAudience")]
    [InlineData("another tenant's issuer", "InvalidIssuer")]
    [InlineData("expired", "Expired")]
    [InlineData("signed by a key the tenant never published", "Signature")]
    [InlineData("HS256 with a shared secret", "Signature")]
    [InlineData("no object id", "no object id")]
    public async Task ValidateAsync_BadToken_RefusedWithAReason(string why, string reason)
    {
        var token = _tenant.Token(Spoil(_tenant, why), AdminRoles.Approve);

        var check = await _validator.ValidateAsync(token);

        Assert.Null(check.Principal);
        Assert.Contains(reason, check.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_UnsignedToken_Refused()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalTenant.Issuer,
            Audience = LocalTenant.ClientId,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["oid"] = "x", ["roles"] = new[] { AdminRoles.Approve } },
        });

        Assert.Null((await _validator.ValidateAsync(unsigned)).Principal);
    }

    [Fact]
    public async Task ValidateAsync_EntraNotConfigured_RefusedNamingTheSettings()
    {
        var validator = new EntraTokenValidator(Microsoft.Extensions.Options.Options.Create(new EntraSignInOptions()), _tenant, NullLogger<EntraTokenValidator>.Instance);

        var check = await validator.ValidateAsync(_tenant.Token(null, AdminRoles.Approve));

        Assert.Null(check.Principal);
        Assert.Contains("AdminAuth:Entra:TenantId", check.Refusal, StringComparison.Ordinal);
        Assert.Empty(_tenant.Fetched);
    }

    private static Action<SecurityTokenDescriptor> Spoil(LocalTenant tenant, string why) => why switch
    {
        "another audience" => d => d.Audience = "api://someone-else",
        "another tenant's issuer" => d => d.Issuer = "https://login.microsoftonline.com/99999999-2222-3333-4444-555555555555/v2.0",
        "expired" => d => (d.NotBefore, d.IssuedAt, d.Expires) = (DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-2)),
        "signed by a key the tenant never published" => d => d.SigningCredentials = tenant.Forged(),
        "HS256 with a shared secret" => d => d.SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(new byte[32]) { KeyId = tenant.Signing.KeyId }, SecurityAlgorithms.HmacSha256),
        "no object id" => d => d.Claims.Remove("oid"),
        _ => throw new ArgumentOutOfRangeException(nameof(why), why, "No such spoiling."),
    };
}
