using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Tests.Configuration;

public sealed class WritebackOptionsTests
{
    [Fact]
    public void Validate_SelectedWithoutAnySelection_NamesTheSettings()
    {
        // Arrange
        var options = new WritebackScopeOptions { Mode = ScopeMode.Selected, DefaultTargetOu = "OU=Groups,DC=corp,DC=test" };

        // Act
        var result = new WritebackScopeOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("Writeback:SelectedGroupIds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MappedOuNotADistinguishedName_NamesTheGroup()
    {
        // Arrange
        var options = new WritebackScopeOptions { DefaultTargetOu = "OU=Groups,DC=corp,DC=test" };
        options.TargetOuByGroup["g1"] = "Sales";

        // Act
        var result = new WritebackScopeOptionsValidator().Validate(null, options);

        // Assert
        Assert.Contains("Writeback:TargetOuByGroup:g1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DebounceLongerThanItsCap_Fails()
    {
        // Arrange
        var options = new WritebackScopeOptions { DefaultTargetOu = "OU=Groups,DC=corp,DC=test", DebounceWindow = TimeSpan.FromSeconds(40) };

        // Act
        var result = new WritebackScopeOptionsValidator().Validate(null, options);

        // Assert
        Assert.Contains("Writeback:MaxDebounce", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWritebackWorkflows_MissingTargetOu_FailsAtStartNamingTheSetting()
    {
        // Arrange
        using var host = Build(new Dictionary<string, string?> { ["Writeback:Mode"] = "All" });

        // Act
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        // Assert
        Assert.Contains("DefaultTargetOu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWritebackWorkflows_Settings_BindMappingsOverridesAndLimits()
    {
        // Arrange
        using var host = Build(new Dictionary<string, string?>
        {
            ["Writeback:DefaultTargetOu"] = "OU=Groups,DC=corp,DC=test",
            ["Writeback:Mode"] = "Selected",
            ["Writeback:SelectedGroupIds:0"] = "g1",
            ["Writeback:TargetOuByGroup:g1"] = "OU=Sales,DC=corp,DC=test",
            ["Writeback:GroupTypeOverrides:g1"] = "UniversalMailEnabledSecurityGroup",
            ["Writeback:DeleteThreshold"] = "50",
            ["Writeback:ResultTimeout"] = "00:02:00",
        });

        // Act
        var options = host.Services.GetRequiredService<IOptions<WritebackScopeOptions>>().Value;
        var limits = WorkflowLimits.From(options);

        // Assert
        Assert.Equal(["g1"], options.SelectedGroupIds);
        Assert.Equal("OU=Sales,DC=corp,DC=test", options.TargetOuByGroup["G1"]);
        Assert.Equal(OnPremisesGroupType.UniversalMailEnabledSecurityGroup, options.GroupTypeOverrides["g1"]);
        Assert.Equal((50, TimeSpan.FromMinutes(2)), (limits.DeleteThreshold, limits.ResultTimeout));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddWritebackWorkflows();
        return builder.Build();
    }
}
