using GroupWriteback.Cloud.AdminConsole;
using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.Cloud.Results;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Workflows;
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
    /// command publishing and result draining on the configured queue transport, the delta signal, the
    /// admin API handlers (<see cref="AdminRoutes"/>) and the scheduled work. What uses the Durable Task
    /// client is scoped: the host registers <c>DurableTaskClient</c> itself, as a singleton (the local
    /// host) or per invocation (the Functions app, whose client is bound per call), and adds the worker
    /// (<c>WritebackTasks.Register</c>).
    /// </summary>
    public static IServiceCollection AddGroupWritebackCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddWritebackWorkflows();
        services.AddGraphAccess(configuration);
        services.AddCommandPublishing(configuration).AddResultDraining(configuration);
        services.AddCloudInstrumentation();
        services.AddAuditTrail();

        services.TryAddScoped<IDeltaSignal, DeltaWorkflowSignal>();
        services.TryAddScoped<IAgentHealthStore, AgentHeartbeats>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AgentsOptions>().BindConfiguration(AgentsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddScoped<SyncHandler>();
        services.TryAddScoped<StatusHandler>();
        services.TryAddScoped<PlanHandler>();
        services.TryAddScoped<DisableWritebackHandler>();
        services.TryAddScoped<EnableWritebackHandler>();
        services.TryAddScoped<ApprovalHandler>();
        services.TryAddScoped<GrantHandler>();
        services.TryAddScoped<AuditHandler>();
        services.TryAddScoped<DeadLetterHandler>();
        services.TryAddScoped<GroupListHandler>();
        services.TryAddSingleton<HealthHandler>();
        services.TryAddSingleton<ConsoleFiles>();
        services.TryAddSingleton<SubscriptionRenewal>();
        services.TryAddScoped<ResultsDrain>();
        return services;
    }
}
