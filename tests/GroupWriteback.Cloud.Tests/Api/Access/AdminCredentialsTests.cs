using GroupWriteback.Cloud.Api.Access;
using Microsoft.Extensions.Primitives;

namespace GroupWriteback.Cloud.Tests.Api.Access;

/// <summary>The gate's decision: a valid token, or an automation key; nothing else, and a bad token is never downgraded.</summary>
public sealed class AdminCredentialsTests : IDisposable
{
    private const string Key = LocalTenant.Key;
    private const string SecondKey = LocalTenant.SecondKey;

    private readonly LocalTenant _tenant = new();
    private readonly AdminCredentials _credentials;

    public AdminCredentialsTests() => _credentials = _tenant.Credentials();

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task ResolveAsync_NoCredentials_RefusedNamingTheWaysIn()
    {
        var check = await _credentials.ResolveAsync(StringValues.Empty, null);

        Assert.Null(check.Principal);
        Assert.Contains("AdminAuth:Keys", check.Refusal, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", check.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("automation-key-012345678")]
    [InlineData("automation-key-01234567890")]
    [InlineData("AUTOMATION-KEY-0123456789")]
    public async Task ResolveAsync_WrongKey_RefusedWithoutTheKeyInTheReason(string presented)
    {
        var check = await _credentials.ResolveAsync(StringValues.Empty, presented);

        Assert.Null(check.Principal);
        Assert.Contains("not one of the automation keys", check.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(presented, check.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Key)]
    [InlineData(SecondKey)]
    public async Task ResolveAsync_EitherKey_TheKeyCallerWithTheConfiguredRoles(string presented)
    {
        var principal = (await _credentials.ResolveAsync(StringValues.Empty, presented)).Principal;

        Assert.Equal(("automation (function key)", AdminAuthentication.Key), (principal?.Name, principal?.Authentication));
        Assert.Equal([AdminRoles.Read], principal?.Roles);
    }

    [Fact]
    public async Task ResolveAsync_ValidBearerAndAKey_TheTokensPrincipal()
    {
        var principal = (await _credentials.ResolveAsync($"Bearer {_tenant.Token(null, AdminRoles.Approve)}", Key)).Principal;

        Assert.Equal((AdminAuthentication.Entra, "approver@corp.test"), (principal?.Authentication, principal?.Name));
        Assert.Equal([AdminRoles.Approve], principal?.Roles);
    }

    [Fact]
    public async Task ResolveAsync_ForgedBearerWithTheRightKey_RefusedNotDowngradedToTheKey()
    {
        var check = await _credentials.ResolveAsync($"Bearer {_tenant.Token(d => d.SigningCredentials = _tenant.Forged(), AdminRoles.Approve)}", Key);

        Assert.Null(check.Principal);
        Assert.Contains("bearer token was refused", check.Refusal, StringComparison.Ordinal);
    }
}
