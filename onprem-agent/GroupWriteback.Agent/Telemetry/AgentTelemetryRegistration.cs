using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GroupWriteback.Agent.Telemetry;

/// <summary>
/// The agent's telemetry: the instruments always (they cost nothing unobserved), and OpenTelemetry with an
/// exporter only when one is configured: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, both when both are. Nothing is exported otherwise.
/// </summary>
internal static class AgentTelemetryRegistration
{
    /// <summary>The standard OTLP endpoint variable.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The Application Insights connection string variable.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The service name spans and metrics carry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "groupwriteback-agent";

    /// <summary>
    /// The process's standard telemetry variables (<c>OTEL_*</c> and <see cref="AzureMonitorSetting"/>). The agent
    /// reads only variables with its own prefix; these are added by name so the exporters find them where they look.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> StandardVariables() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("OTEL_", StringComparison.Ordinal) || name == AzureMonitorSetting)
            .Select(name => new KeyValuePair<string, string?>(name, Environment.GetEnvironmentVariable(name)));

    /// <summary>Adds <see cref="AgentTelemetry"/> and, when an exporter is configured, OpenTelemetry exporting it.</summary>
    public static IServiceCollection AddAgentTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.TryAddSingleton<AgentTelemetry>();
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var azureMonitor = configuration[AzureMonitorSetting];
        if (!otlp && string.IsNullOrWhiteSpace(azureMonitor))
        {
            return services;
        }

        var builder = services.AddAgentOpenTelemetry();
        if (otlp)
        {
            // Reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* settings.
            builder.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(azureMonitor))
        {
            builder.UseAzureMonitorExporter(options => options.ConnectionString = azureMonitor);
        }

        return services;
    }

    /// <summary>OpenTelemetry listening to the agent's source and meter, without an exporter (the caller adds one).</summary>
    public static OpenTelemetryBuilder AddAgentOpenTelemetry(this IServiceCollection services) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource(AgentTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(AgentTelemetry.Name));
}
