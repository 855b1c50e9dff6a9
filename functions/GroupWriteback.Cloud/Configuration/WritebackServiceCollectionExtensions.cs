using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Results;
using GroupWriteback.Cloud.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Configuration;

/// <summary>Wiring of the workflows' own services.</summary>
internal static class WritebackServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="WritebackScopeOptions"/> (section "Writeback", checked at start)
    /// and adds the planner and the scope evaluator (<c>ResultsDrain</c> builds the result dispatcher per drain). The host adds
    /// <c>IGraphGroupReader</c>, <c>ICommandPublisher</c>, <c>IResultSource</c> and the Durable Task
    /// worker and client (register the tasks with <c>WritebackTasks.Register</c>).
    /// </summary>
    public static IServiceCollection AddWritebackWorkflows(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WritebackScopeOptions>()
            .BindConfiguration(WritebackScopeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WritebackScopeOptions>, WritebackScopeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WritebackPlanner>();
        services.TryAddSingleton<GroupScopeEvaluator>();
        return services;
    }
}
