using GroupWriteback.Cloud.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Functions.Hosting;

/// <summary>Everything the Functions app registers, in one place.</summary>
public static class FunctionsAppServices
{
    /// <summary>
    /// Telemetry and the cloud library (<see cref="CloudServiceCollectionExtensions.AddGroupWritebackCloud"/>).
    /// Graph access, the <see cref="IResultDispatcher"/> and the Graph notification handler are
    /// registered here too, beside the library.
    /// </summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkerTelemetry(configuration);
        services.AddGroupWritebackCloud(configuration);
        return services;
    }
}
