using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Functions.Auth;

using GroupWriteback.Cloud.Tests.Api.Access;

namespace GroupWriteback.Functions.Tests.Auth;

public sealed class AutomationKeyOptionsValidatorTests
{
    private static readonly AutomationKeyOptionsValidator WithoutEntra = new(Microsoft.Extensions.Options.Options.Create(new EntraSignInOptions()));

    [Fact]
    public void Validate_TwoLongKeys_SucceedsWithBoth()
    {
        var options = new AutomationKeyOptions { Keys = " first-key-0123456789 , second-key-0123456789 " };

        Assert.True(WithoutEntra.Validate(null, options).Succeeded);
        Assert.Equal(["first-key-0123456789", "second-key-0123456789"], options.EffectiveKeys);
    }

    [Fact]
    public void Validate_AShortKey_FailsNamingTheSettingButNotTheKey()
    {
        var result = WithoutEntra.Validate(null, new AutomationKeyOptions { Keys = "first-key-0123456789,short-key" });

        Assert.True(result.Failed);
        Assert.Contains("AdminAuth:Keys holds 1 key(s) shorter than 16", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKeyWithoutEntra_FailsNamingTheSetting()
    {
        var result = WithoutEntra.Validate(null, new AutomationKeyOptions());

        Assert.True(result.Failed);
        Assert.Contains("AdminAuth:Keys must hold at least one automation key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKeyWithEntra_SucceedsTokensOnly()
    {
        var validator = new AutomationKeyOptionsValidator(Microsoft.Extensions.Options.Options.Create(new EntraSignInOptions { TenantId = LocalTenant.TenantId, ClientId = LocalTenant.ClientId }));

        Assert.True(validator.Validate(null, new AutomationKeyOptions()).Succeeded);
    }
}
