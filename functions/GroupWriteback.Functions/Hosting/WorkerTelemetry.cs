using Azure.Identity;
using GroupWriteback.Cloud.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Hosting;

/// <summary>
/// Exports the worker's traces, metrics and logs over OpenTelemetry, matching
/// <c>"telemetryMode": "OpenTelemetry"</c> in host.json: the cloud library's registration
/// (<see cref="CloudTelemetryRegistration.AddCloudOpenTelemetry"/>: Application Insights and/or OTLP)
/// with the Functions worker's own instrumentation. Application Insights has local auth
/// off, so the exporter authenticates as the app's managed identity, the same one the host
/// uses (named in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>).
/// </summary>
internal static class WorkerTelemetry
{
    /// <summary>The connection string setting Azure writes for Application Insights.</summary>
    public const string ConnectionStringSetting = CloudTelemetryRegistration.AzureMonitorSetting;

    /// <summary>The setting that carries <c>ClientId=…;Authorization=AAD</c>.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Adds the exporters that are configured; locally, with none, nothing is exported.</summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var clientId = ReadClientId(configuration[AuthenticationStringSetting]);
        services.AddCloudOpenTelemetry(
            configuration,
            host: builder => builder.UseFunctionsWorkerDefaults(),
            azureMonitor: options =>
            {
                if (clientId is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        return services;
    }

    /// <summary>Reads <c>ClientId</c> from an authentication string such as <c>ClientId=abc;Authorization=AAD</c>.</summary>
    public static string? ReadClientId(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        foreach (var part in authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && part[..separator].Trim().Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            {
                var value = part[(separator + 1)..].Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
