using GroupWriteback.Cloud.Planning;
using GroupWriteback.Cloud.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Configuration;

/// <summary>Wiring of the workflows' own services.</summary>
public static class WritebackServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="WritebackScopeOptions"/> (section "Writeback", checked at start)
    /// and adds the planner, the scope evaluator and the <see cref="ResultDispatcher"/>. The host adds
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
        services.TryAddSingleton<ResultDispatcher>();
        return services;
    }
}
