using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Cloud.Tests.Api.Access;

public sealed class EntraSignInOptionsValidatorTests
{
    private readonly EntraSignInOptionsValidator _validator = new();

    [Fact]
    public void Validate_NothingSet_SucceedsWithSignInOff()
    {
        var options = new EntraSignInOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_TenantWithoutClient_FailsNamingTheClientId()
    {
        var result = _validator.Validate(null, new EntraSignInOptions { TenantId = LocalTenant.TenantId });

        Assert.True(result.Failed);
        Assert.Contains("AdminAuth:Entra:ClientId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Complete_SucceedsWithTheTenantsMetadataAndBothAudiences()
    {
        var options = new EntraSignInOptions { TenantId = LocalTenant.TenantId, ClientId = LocalTenant.ClientId };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal($"https://login.microsoftonline.com/{LocalTenant.TenantId}/v2.0/.well-known/openid-configuration", options.MetadataAddress.AbsoluteUri);
        Assert.Equal([LocalTenant.ClientId, $"api://{LocalTenant.ClientId}"], options.ValidAudiences);
    }

    [Theory]
    [InlineData("http://login.example.net/")]
    [InlineData("ftp://127.0.0.1/")]
    public void Validate_PlainHttpAwayFromLoopback_FailsNamingTheInstance(string instance)
    {
        var result = _validator.Validate(null, new EntraSignInOptions { TenantId = LocalTenant.TenantId, ClientId = LocalTenant.ClientId, Instance = new Uri(instance) });

        Assert.True(result.Failed);
        Assert.Contains("AdminAuth:Entra:Instance must be an absolute https address", result.FailureMessage, StringComparison.Ordinal);
    }
}
