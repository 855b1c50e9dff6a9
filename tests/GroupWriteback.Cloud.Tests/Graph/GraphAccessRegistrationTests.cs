using GroupWriteback.Cloud.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Tests.Graph;

public sealed class GraphAccessRegistrationTests
{
    [Fact]
    public void AddGraphAccess_NoCredentialSettings_FailsAtStartNamingEachSetting()
    {
        // Arrange
        using var services = Build(new Dictionary<string, string?>());

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.Contains("Graph:TenantId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientSecret is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGraphAccess_EmulatorCredentialAgainstGraph_IsRefused()
    {
        // Arrange
        using var services = Build(new Dictionary<string, string?> { ["Graph:UseEmulatorCredential"] = "true" });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.Contains("Graph:UseEmulatorCredential is allowed only when Graph:BaseUrl is a loopback address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://func.example/api/graph/notifications", null, "Graph:ClientState is required")]
    [InlineData("http://func.example/api/graph/notifications", "a-long-enough-client-state", "Graph:NotificationUrl must be an absolute https URL")]
    [InlineData(null, "too-short", "Graph:ClientState must be 16 to 128 characters")]
    public void AddGraphAccess_BadNotificationSettings_FailsAtStart(string? url, string? clientState, string expected)
    {
        // Arrange
        using var services = Build(new Dictionary<string, string?>
        {
            ["Graph:ManagedIdentity"] = "true",
            ["Graph:NotificationUrl"] = url,
            ["Graph:ClientState"] = clientState,
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGraphAccess_ManagedIdentity_ResolvesReaderAndSubscriptionManager()
    {
        // Arrange
        using var services = Build(new Dictionary<string, string?> { ["Graph:ManagedIdentity"] = "true" });

        // Act
        services.GetRequiredService<IStartupValidator>().Validate();
        var reader = services.GetRequiredService<IGraphGroupReader>();
        var subscriptions = services.GetRequiredService<IGraphSubscriptionManager>();

        // Assert
        Assert.IsType<GraphGroupReader>(reader);
        Assert.IsType<GraphSubscriptionManager>(subscriptions);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", true, "https://graph.microsoft.com/beta")]
    [InlineData("https://graph.microsoft.com/v1.0/", true, "https://graph.microsoft.com/beta")]
    [InlineData("https://graph.microsoft.com/v1.0", false, "https://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.com/beta", true, "https://graph.microsoft.com/beta")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", true, "https://microsoftgraph.chinacloudapi.cn/beta")]
    public void GroupRootFor_ServiceRoot_ReadsGroupsWhereWritebackConfigurationIsServed(string baseUrl, bool readWriteback, string expected)
    {
        // Act
        var root = GraphClients.GroupRootFor(new GraphOptions { BaseUrl = new Uri(baseUrl), ReadWritebackConfiguration = readWriteback });

        // Assert
        Assert.Equal(new Uri(expected), root);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGraphAccess(configuration);
        return services.BuildServiceProvider();
    }
}
