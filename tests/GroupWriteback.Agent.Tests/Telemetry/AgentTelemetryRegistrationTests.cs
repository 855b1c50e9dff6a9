using GroupWriteback.Agent.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GroupWriteback.Agent.Tests.Telemetry;

public sealed class AgentTelemetryRegistrationTests
{
    [Fact]
    public void AddAgentTelemetry_NoExporterConfigured_HasInstrumentsButExportsNothing()
    {
        using var provider = Build([]);

        Assert.NotNull(provider.GetService<AgentTelemetry>());
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(AgentTelemetryRegistration.OtlpEndpointSetting, "http://127.0.0.1:4317")]
    [InlineData(AgentTelemetryRegistration.AzureMonitorSetting, "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/")]
    public void AddAgentTelemetry_OneExporterConfigured_ExportsTracesAndMetrics(string setting, string value)
    {
        using var provider = Build(new() { [setting] = value });

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AddAgentTelemetry_BothExportersConfigured_BuildsBoth()
    {
        using var provider = Build(new()
        {
            [AgentTelemetryRegistration.OtlpEndpointSetting] = "http://127.0.0.1:4317",
            [AgentTelemetryRegistration.AzureMonitorSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/",
        });

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        return services.AddAgentTelemetry(configuration).BuildServiceProvider();
    }
}
