using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Configuration;
using GroupWriteback.Cloud.Planning;
using GroupWriteback.Transport.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Hosting;

/// <summary>The cloud library's services, for any host (the Functions app, a local Kestrel host).</summary>
public static class CloudServiceCollectionExtensions
{
    /// <summary>
    /// Adds the writeback options (validated at start), the planner and scope rules, command
    /// publishing and result draining on the configured queue transport, the admin API handlers and
    /// the scheduled work. Graph access (<see cref="Graph.IGraphGroupReader"/>,
    /// <see cref="Graph.IGraphSubscriptionManager"/>), <see cref="IResultDispatcher"/> and
    /// <see cref="IGraphNotificationHandler"/> are registered beside it.
    /// </summary>
    public static IServiceCollection AddGroupWritebackCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddWorkflowServices(services);
        services.AddOptions<SubscriptionSettings>()
            .BindConfiguration(SubscriptionSettings.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubscriptionSettings>, SubscriptionSettingsValidator>());

        services.AddCommandPublishing(configuration).AddResultDraining(configuration);

        services.TryAddSingleton<SyncHandler>();
        services.TryAddSingleton<StatusHandler>();
        services.TryAddSingleton<PlanHandler>();
        services.TryAddSingleton<DisableWritebackHandler>();
        services.TryAddSingleton<ApprovalHandler>();
        services.TryAddSingleton<GrantHandler>();
        services.TryAddSingleton<HealthHandler>();
        services.TryAddSingleton<SubscriptionRenewal>();
        services.TryAddSingleton<ResultsDrain>();
        return services;
    }

    /// <summary>What the workflows themselves need: the validated writeback options, the planner and the scope rules.</summary>
    private static void AddWorkflowServices(IServiceCollection services)
    {
        services.AddOptions<WritebackScopeOptions>()
            .BindConfiguration(WritebackScopeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WritebackScopeOptions>, WritebackScopeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WritebackPlanner>();
        services.TryAddSingleton<GroupScopeEvaluator>();
    }
}
