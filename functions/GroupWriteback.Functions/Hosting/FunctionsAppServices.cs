using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Functions.Audit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GroupWriteback.Functions.Hosting;

/// <summary>Everything the Functions app registers, in one place.</summary>
public static class FunctionsAppServices
{
    /// <summary>
    /// Telemetry, the cloud library (<see cref="CloudServiceCollectionExtensions.AddGroupWritebackCloud"/>) and the
    /// invocation's Durable Task client, which <see cref="UseDurableClient"/> fills from the host's binding.
    /// </summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkerTelemetry(configuration);
        services.AddTableAuditStore();
        services.AddGroupWritebackCloud(configuration);
        services.AddScoped<InvocationDurableClient>();
        services.AddScoped<DurableTaskClient>(sp => sp.GetRequiredService<InvocationDurableClient>().Client);
        return services;
    }

    /// <summary>Adds <see cref="DurableClientMiddleware"/> to the worker's pipeline.</summary>
    public static IFunctionsWorkerApplicationBuilder UseDurableClient(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseMiddleware<DurableClientMiddleware>();
    }
}
