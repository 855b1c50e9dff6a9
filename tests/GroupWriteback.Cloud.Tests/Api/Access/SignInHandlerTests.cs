using System.Text;
using GroupWriteback.Cloud.Api.Access;

namespace GroupWriteback.Cloud.Tests.Api.Access;

public sealed class SignInHandlerTests
{
    [Fact]
    public void Get_EntraConfigured_TheAuthorityClientIdAndScope()
    {
        var options = new EntraSignInOptions { TenantId = LocalTenant.TenantId, ClientId = LocalTenant.ClientId };

        var answer = new SignInHandler(Microsoft.Extensions.Options.Options.Create(options)).Get();

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(
            $$"""{"enabled":true,"authority":"https://login.microsoftonline.com/{{LocalTenant.TenantId}}/v2.0","clientId":"{{LocalTenant.ClientId}}","scope":"api://{{LocalTenant.ClientId}}/Writeback.Access"}""",
            Encoding.UTF8.GetString(answer.Body.Span));
    }

    [Fact]
    public void Get_LocalProvider_TheAuthorityUnderItsInstance()
    {
        var options = new EntraSignInOptions { TenantId = LocalTenant.TenantId, ClientId = LocalTenant.ClientId, Instance = new Uri("http://127.0.0.1:5123/") };

        Assert.Equal($"http://127.0.0.1:5123/{LocalTenant.TenantId}/v2.0", options.Authority);
        Assert.Equal($"http://127.0.0.1:5123/{LocalTenant.TenantId}/v2.0/.well-known/openid-configuration", options.MetadataAddress.AbsoluteUri);
        Assert.True(new EntraSignInOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Get_NotConfigured_EnabledFalseOnly()
    {
        var answer = new SignInHandler(Microsoft.Extensions.Options.Options.Create(new EntraSignInOptions())).Get();

        Assert.Equal("""{"enabled":false}""", Encoding.UTF8.GetString(answer.Body.Span));
    }
}
