using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Hosting;

/// <summary>
/// Exports the worker's traces and logs to Application Insights over OpenTelemetry, matching
/// <c>"telemetryMode": "OpenTelemetry"</c> in host.json. Application Insights has local auth
/// off, so the exporter authenticates as the app's managed identity, the same one the host
/// uses (named in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>).
/// </summary>
public static class WorkerTelemetry
{
    /// <summary>The connection string setting Azure writes for Application Insights.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The setting that carries <c>ClientId=…;Authorization=AAD</c>.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Adds the exporter when a connection string is configured; locally nothing is exported.</summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var clientId = ReadClientId(configuration[AuthenticationStringSetting]);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
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
