using GroupWriteback.Cloud.Api.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Tests.Api.Access;

public sealed class KeyCallerOptionsTests
{
    [Fact]
    public void KeyPrincipal_NothingConfigured_HostsNameWithAllThreeRoles()
    {
        var principal = Bind([]).KeyPrincipal();

        Assert.Equal(("key:host key", "host key", AdminAuthentication.Key), (principal.Id, principal.Name, principal.Authentication));
        Assert.Equal(AdminRoles.All, principal.Roles);
    }

    [Fact]
    public void KeyPrincipal_ReadOnlyConfigured_ReplacesTheDefault()
    {
        var principal = Bind(new() { ["AdminAuth:KeyRoles"] = " Writeback.Read ", ["AdminAuth:KeyName"] = "nightly export" }).KeyPrincipal();

        Assert.Equal("nightly export", principal.Name);
        Assert.Equal([AdminRoles.Read], principal.Roles);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("")]
    public void KeyPrincipal_None_HoldsNoRole(string value)
    {
        Assert.Empty(Bind(new() { ["AdminAuth:KeyRoles"] = value }).KeyPrincipal().Roles);
    }

    [Fact]
    public void Validate_UnknownRole_FailsNamingTheSettingAndTheRole()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["AdminAuth:KeyRoles"] = "Writeback.Read,Writeback.Admin" }));

        Assert.Contains("AdminAuth:KeyRoles", error.Message, StringComparison.Ordinal);
        Assert.Contains("Writeback.Admin", error.Message, StringComparison.Ordinal);
    }

    private static KeyCallerOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAdminAccess("host key").BuildServiceProvider();
        return services.GetRequiredService<IOptions<KeyCallerOptions>>().Value;
    }
}
