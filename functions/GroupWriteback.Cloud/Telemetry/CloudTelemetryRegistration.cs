using Azure.Monitor.OpenTelemetry.Exporter;
using GroupWriteback.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GroupWriteback.Cloud.Telemetry;

/// <summary>
/// The cloud half's telemetry, for every host. <see cref="AddCloudInstrumentation"/> (called by the library's own
/// registration) adds the instruments and traces command publishing; <see cref="AddCloudOpenTelemetry"/> (called by a
/// host) exports them: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, both when both are, nothing otherwise.
/// </summary>
public static class CloudTelemetryRegistration
{
    /// <summary>The standard OTLP endpoint setting.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The setting Azure writes for Application Insights.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The service name spans and metrics carry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "groupwriteback-cloud";

    /// <summary>The Durable Task worker's and client's spans (orchestrations, activities, raised events).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>
    /// Adds <see cref="CloudTelemetry"/> and wraps the registered <see cref="ICommandPublisher"/> in a
    /// <see cref="TracedCommandPublisher"/>. Call after the publisher is registered.
    /// </summary>
    public static IServiceCollection AddCloudInstrumentation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PublisherWrapped)))
        {
            // Already wrapped (the library registered twice).
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton<CloudTelemetry>();
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(ICommandPublisher))
        {
            index--;
        }

        if (index < 0 || services[index].IsKeyedService)
        {
            return services;
        }

        var inner = services[index];
        services.AddSingleton<PublisherWrapped>();
        services[index] = ServiceDescriptor.Describe(
            typeof(ICommandPublisher),
            sp => new TracedCommandPublisher(Resolve(sp, inner), sp.GetRequiredService<CloudTelemetry>()),
            inner.Lifetime);
        return services;
    }

    /// <summary>
    /// Exports the cloud's spans and metrics (and the Durable Task spans) when an exporter is configured; returns
    /// null when none is. <paramref name="host"/> adds the host's own instrumentation before the exporters;
    /// <paramref name="azureMonitor"/> adjusts the Azure Monitor exporter (a credential, for one).
    /// </summary>
    public static OpenTelemetryBuilder? AddCloudOpenTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<OpenTelemetryBuilder>? host = null,
        Action<AzureMonitorExporterOptions>? azureMonitor = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var connectionString = configuration[AzureMonitorSetting];
        if (!otlp && string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var builder = services.AddCloudOpenTelemetrySources();
        host?.Invoke(builder);
        if (otlp)
        {
            // Reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* settings.
            builder.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                azureMonitor?.Invoke(options);
            });
        }

        return builder;
    }

    /// <summary>OpenTelemetry listening to the cloud's sources and meter, without an exporter (the caller adds one).</summary>
    public static OpenTelemetryBuilder AddCloudOpenTelemetrySources(this IServiceCollection services) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource(CloudTelemetry.Name, DurableTaskSource))
            .WithMetrics(metrics => metrics.AddMeter(CloudTelemetry.Name));

    private sealed class PublisherWrapped;

    private static ICommandPublisher Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ICommandPublisher)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
