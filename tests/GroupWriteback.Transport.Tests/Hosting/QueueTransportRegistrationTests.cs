using GroupWriteback.Transport.Embedded;
using GroupWriteback.Transport.Hosting;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Transport.Tests.Hosting;

public sealed class QueueTransportRegistrationTests
{
    [Theory]
    [InlineData("ServiceBus:FullyQualifiedNamespace", "sb.example.net", QueueTransport.ServiceBus)]
    [InlineData("ServiceBus:fullyQualifiedNamespace", "sb.example.net", QueueTransport.ServiceBus)]
    [InlineData("ServiceBus:ConnectionString", "Endpoint=sb://sb.example.net/;SharedAccessKeyName=k;SharedAccessKey=a", QueueTransport.ServiceBus)]
    [InlineData("EmbeddedQueue:Path", "queue.db", QueueTransport.Embedded)]
    [InlineData("ServiceBus:ResultsQueue", "r", QueueTransport.Embedded)]
    public void Select_Setting_PicksTransport(string key, string value, QueueTransport expected)
    {
        Assert.Equal(expected, QueueTransportRegistration.Select(Configuration((key, value))));
    }

    [Fact]
    public async Task AddAgentTransport_EmbeddedPath_ResolvesEmbeddedSourceAndPublisher()
    {
        var configuration = Configuration(("EmbeddedQueue:Path", Path.Combine(Path.GetTempPath(), "gw-agent-test.db")));

        await using var provider = Build(s => s.AddAgentTransport(configuration), configuration);

        Assert.IsType<EmbeddedCommandSource>(provider.GetRequiredService<ICommandSource>());
        Assert.IsType<EmbeddedResultPublisher>(provider.GetRequiredService<IResultPublisher>());
        Assert.IsType<EmbeddedQueueStore>(provider.GetRequiredService<IQueueStatusReader>());
    }

    [Fact]
    public async Task AddAgentTransport_Namespace_ResolvesServiceBusSourceAndPublisher()
    {
        var configuration = Configuration(("ServiceBus:fullyQualifiedNamespace", "sb.example.net"), ("ServiceBus:credential", "managedidentity"), ("ServiceBus:clientId", "11111111-1111-1111-1111-111111111111"));

        await using var provider = Build(s => s.AddAgentTransport(configuration), configuration);

        Assert.IsType<ServiceBusCommandSource>(provider.GetRequiredService<ICommandSource>());
        Assert.IsType<ServiceBusResultPublisher>(provider.GetRequiredService<IResultPublisher>());
        Assert.Equal("sb.example.net", provider.GetRequiredService<ServiceBusClients>().Client.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task AddCloudSides_ServiceBus_ShareOneClient()
    {
        var configuration = Configuration(("ServiceBus:FullyQualifiedNamespace", "sb.example.net"));

        await using var provider = Build(s => s.AddCommandPublishing(configuration).AddResultDraining(configuration), configuration);

        Assert.IsType<ServiceBusCommandPublisher>(provider.GetRequiredService<ICommandPublisher>());
        Assert.IsType<ServiceBusResultSource>(provider.GetRequiredService<IResultSource>());
        Assert.IsType<ServiceBusQueueStatusReader>(provider.GetRequiredService<IQueueStatusReader>());
        Assert.Single(provider.GetServices<ServiceBusClients>());
    }

    [Fact]
    public async Task AddCloudSides_Embedded_ShareOneStore()
    {
        var configuration = Configuration(("EmbeddedQueue:Path", Path.Combine(Path.GetTempPath(), "gw-cloud-test.db")));

        await using var provider = Build(s => s.AddCommandPublishing(configuration).AddResultDraining(configuration), configuration);

        Assert.Same(provider.GetRequiredService<EmbeddedQueueStore>(), provider.GetRequiredService<IDeadLetterReader>());
        Assert.IsType<EmbeddedResultSource>(provider.GetRequiredService<IResultSource>());
        Assert.Single(provider.GetServices<IValidateOptions<EmbeddedQueueOptions>>().OfType<EmbeddedQueueOptionsValidator>());
    }

    [Fact]
    public async Task ValidateOnStart_NothingConfigured_NamesBothSettings()
    {
        var configuration = Configuration();
        await using var provider = Build(s => s.AddCommandPublishing(configuration), configuration);

        var error = Assert.Throws<OptionsValidationException>(() => Validate(provider));

        Assert.Contains(error.Failures, f => f.Contains("EmbeddedQueue:Path", StringComparison.Ordinal) && f.Contains("ServiceBus:FullyQualifiedNamespace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateOnStart_BadServiceBusSettings_NamesThem()
    {
        var configuration = Configuration(("ServiceBus:FullyQualifiedNamespace", "https://sb.example.net/"), ("ServiceBus:Credential", "magic"), ("ServiceBus:MaxRetries", "99"));
        await using var provider = Build(s => s.AddAgentTransport(configuration), configuration);

        var error = Assert.Throws<OptionsValidationException>(() => Validate(provider));

        Assert.Contains(error.Failures, f => f.Contains("ServiceBus:FullyQualifiedNamespace must be a host name", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ServiceBus:Credential", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxRetries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateOnStart_GoodServiceBusSettings_Passes()
    {
        var configuration = Configuration(("ServiceBus:FullyQualifiedNamespace", "sb.example.net"), ("ServiceBus:Credential", "ManagedIdentity"));
        await using var provider = Build(s => s.AddAgentTransport(configuration), configuration);

        Validate(provider);

        Assert.Equal("sb.example.net", provider.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value.FullyQualifiedNamespace);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static ServiceProvider Build(Action<IServiceCollection> register, IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        register(services);
        return services.BuildServiceProvider();
    }

    private static void Validate(IServiceProvider provider)
    {
        foreach (var validator in provider.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }
}
