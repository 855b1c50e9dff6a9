using GroupWriteback.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GroupWriteback.Functions.Tests.Hosting;

public sealed class WorkerTelemetryTests
{
    [Theory]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD", "11111111-2222-3333-4444-555555555555")]
    [InlineData("Authorization=AAD; clientid = abc ", "abc")]
    public void ReadClientId_AuthenticationString_ReturnsClientId(string authenticationString, string expected)
    {
        var clientId = WorkerTelemetry.ReadClientId(authenticationString);

        Assert.Equal(expected, clientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=AAD")]
    [InlineData("ClientId=;Authorization=AAD")]
    public void ReadClientId_NoClientId_ReturnsNull(string? authenticationString)
    {
        var clientId = WorkerTelemetry.ReadClientId(authenticationString);

        Assert.Null(clientId);
    }

    [Fact]
    public void AddWorkerTelemetry_NoConnectionString_ExportsNothing()
    {
        var configuration = new ConfigurationBuilder().Build();

        using var provider = new ServiceCollection().AddWorkerTelemetry(configuration).BuildServiceProvider();

        Assert.Null(provider.GetService<TracerProvider>());
    }

    [Fact]
    public void AddWorkerTelemetry_ConnectionString_ExportsTraces()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [WorkerTelemetry.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/",
                [WorkerTelemetry.AuthenticationStringSetting] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
            })
            .Build();

        using var provider = new ServiceCollection().AddLogging().AddWorkerTelemetry(configuration).BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
    }

    [Fact]
    public void AddWorkerTelemetry_OtlpEndpointOnly_ExportsTracesAndMetrics()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" })
            .Build();

        using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddWorkerTelemetry(configuration).BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }
}
