using GroupWriteback.Cloud.Api.Access;
using Microsoft.Extensions.Primitives;

namespace GroupWriteback.Cloud.Tests.Api.Access;

public sealed class BearerCredentialsTests : IDisposable
{
    private readonly LocalTenant _tenant = new();
    private readonly BearerCredentials _credentials;

    public BearerCredentialsTests() => _credentials = new(_tenant.Validator());

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task ResolveAsync_ValidBearer_TheTokensPrincipalNotTheKeys()
    {
        var principal = (await _credentials.ResolveAsync($"Bearer {_tenant.Token(null, AdminRoles.Approve)}")).Principal;

        Assert.Equal((AdminAuthentication.Entra, "approver@corp.test"), (principal?.Authentication, principal?.Name));
        Assert.Equal([AdminRoles.Approve], principal?.Roles);
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task ResolveAsync_BadAuthorization_RefusedNotDowngradedToTheKey(string header)
    {
        var check = await _credentials.ResolveAsync(header);

        Assert.Null(check.Principal);
        Assert.NotNull(check.Refusal);
    }

    [Fact]
    public async Task ResolveAsync_TwoAuthorizationHeaders_Refused()
    {
        var token = _tenant.Token(null, AdminRoles.Approve);

        Assert.NotNull((await _credentials.ResolveAsync(new StringValues([$"Bearer {token}", $"Bearer {token}"]))).Refusal);
    }

    [Fact]
    public async Task ResolveAsync_NoAuthorization_Refused()
    {
        Assert.NotNull((await _credentials.ResolveAsync(StringValues.Empty)).Refusal);
    }
}
