using GroupWriteback.Cloud.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GroupWriteback.Cloud.Tests.Telemetry;

public sealed class CloudTelemetryRegistrationTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/";

    [Fact]
    public void AddCloudOpenTelemetry_NoExporterConfigured_RegistersNothing()
    {
        var services = new ServiceCollection().AddLogging();

        var builder = services.AddCloudOpenTelemetry(Configuration([]));
        using var provider = services.BuildServiceProvider();

        Assert.Null(builder);
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(CloudTelemetryRegistration.OtlpEndpointSetting, "http://127.0.0.1:4317")]
    [InlineData(CloudTelemetryRegistration.AzureMonitorSetting, ConnectionString)]
    public void AddCloudOpenTelemetry_OneExporterConfigured_ExportsTracesAndMetricsAndRunsTheHostsHook(string setting, string value)
    {
        var services = new ServiceCollection().AddLogging();
        var hooked = false;

        var builder = services.AddCloudOpenTelemetry(Configuration(new() { [setting] = value }), host: _ => hooked = true);
        using var provider = services.AddSingleton(Configuration(new() { [setting] = value })).BuildServiceProvider();

        Assert.NotNull(builder);
        Assert.True(hooked);
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AddCloudOpenTelemetry_BothExportersConfigured_BuildsBoth()
    {
        var configuration = Configuration(new()
        {
            [CloudTelemetryRegistration.OtlpEndpointSetting] = "http://127.0.0.1:4317",
            [CloudTelemetryRegistration.AzureMonitorSetting] = ConnectionString,
        });
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration);

        services.AddCloudOpenTelemetry(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
