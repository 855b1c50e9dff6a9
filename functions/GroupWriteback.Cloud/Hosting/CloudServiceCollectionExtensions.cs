using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Transport.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>The cloud library's services, for any host (the Functions app, a local Kestrel host).</summary>
public static class CloudServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workflows' services (options validated at start, planner, scope rules), Graph access,
    /// command publishing and result draining on the configured queue transport, the result dispatcher,
    /// the notification endpoint, the admin API handlers and the scheduled work. The host adds the
    /// Durable Task worker (<c>WritebackTasks.Register</c>) and client.
    /// </summary>
    public static IServiceCollection AddGroupWritebackCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddWritebackWorkflows();
        services.AddGraphAccess(configuration);
        services.AddCommandPublishing(configuration).AddResultDraining(configuration);
        services.AddCloudInstrumentation();

        services.TryAddSingleton<IResultDispatcher, DurableResultDispatcher>();
        services.TryAddSingleton<IGraphNotificationHandler, GraphNotificationEndpoint>();
        services.TryAddSingleton<IAgentHealthStore, AgentHeartbeats>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AgentsOptions>().BindConfiguration(AgentsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<SyncHandler>();
        services.TryAddSingleton<StatusHandler>();
        services.TryAddSingleton<PlanHandler>();
        services.TryAddSingleton<DisableWritebackHandler>();
        services.TryAddSingleton<EnableWritebackHandler>();
        services.TryAddSingleton<ApprovalHandler>();
        services.TryAddSingleton<GrantHandler>();
        services.TryAddSingleton<HealthHandler>();
        services.TryAddSingleton<SubscriptionRenewal>();
        services.TryAddSingleton<ResultsDrain>();
        return services;
    }
}
