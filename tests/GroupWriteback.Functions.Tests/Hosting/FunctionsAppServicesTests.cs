using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Functions.Hosting;
using GroupWriteback.Functions.Http;
using GroupWriteback.Functions.Timers;
using GroupWriteback.Transport;
using GroupWriteback.Transport.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Functions.Tests.Hosting;

public sealed class FunctionsAppServicesTests
{
    [Fact]
    public async Task AddFunctionsApp_WithCollaborators_ResolvesEveryFunctionClass()
    {
        await using var provider = Build(
            ("Writeback:DefaultTargetOu", "OU=Groups,DC=corp,DC=test"),
            ("EmbeddedQueue:Path", Path.Combine(Path.GetTempPath(), "gw-functions-test.db")),
            ("Graph:TenantId", "00000000-0000-0000-0000-0000000000aa"),
            ("Graph:ClientId", "00000000-0000-0000-0000-0000000000bb"),
            ("Graph:ClientSecret", "not-a-real-secret"));

        Validate(provider);

        Assert.NotNull(ActivatorUtilities.CreateInstance<WorkflowFunctions>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<StatusFunctions>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<GraphNotificationFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<ScheduledFunctions>(provider));
        // The transport's publisher, inside the one that traces publications and stamps their trace context.
        Assert.IsType<EmbeddedCommandPublisher>(Assert.IsType<TracedCommandPublisher>(provider.GetRequiredService<ICommandPublisher>()).Inner);
        Assert.IsType<DurableResultDispatcher>(provider.GetRequiredService<IResultDispatcher>());
        Assert.IsType<GraphNotificationEndpoint>(provider.GetRequiredService<IGraphNotificationHandler>());
    }

    [Fact]
    public async Task AddFunctionsApp_MissingSettings_FailsNamingThem()
    {
        await using var provider = Build(("Graph:NotificationUrl", "http://gw.example.net/api/graph/notifications"));

        var error = Assert.Throws<AggregateException>(() => Validate(provider));

        var failures = string.Join("\n", error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures));
        Assert.Contains("EmbeddedQueue:Path", failures, StringComparison.Ordinal);
        Assert.Contains("Graph:NotificationUrl must be an absolute https URL", failures, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientState", failures, StringComparison.Ordinal);
        Assert.Contains("Writeback:DefaultTargetOu", failures, StringComparison.Ordinal);
        Assert.Single(error.InnerExceptions.OfType<OptionsValidationException>(), e => e.OptionsType == typeof(EmbeddedQueueOptions));
        Assert.Equal(1, failures.Split('\n').Count(f => f.StartsWith("EmbeddedQueue:Path is required", StringComparison.Ordinal)));
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFunctionsApp(configuration);
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
