using GroupWriteback.Cloud.Graph.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Cloud.Graph;

/// <summary>Registers the Graph access layer.</summary>
internal static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GraphOptions"/> from the <c>Graph</c> section (validated at start), and registers
    /// <see cref="IGraphGroupReader"/>, <see cref="IGraphSubscriptionManager"/>, <see cref="GraphNotificationHandler"/>
    /// (scoped, as the delta signal it uses) and the default <see cref="ISubscriptionRepair"/>. The credential follows the options: client secret,
    /// managed identity, or the fixed emulator token (loopback service roots only). <see cref="IDeltaSignal"/> comes
    /// from <c>AddGroupWritebackCloud</c> or, alone, from the caller.
    /// </summary>
    public static IServiceCollection AddGraphAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => GraphClients.Create(
            sp.GetRequiredService<IOptions<GraphOptions>>().Value,
            sp.GetRequiredService<ILogger<GraphClients>>()));
        services.TryAddSingleton<IGraphGroupReader, GraphGroupReader>();
        services.TryAddSingleton<IGraphSubscriptionManager, GraphSubscriptionManager>();
        services.TryAddSingleton<ISubscriptionRepair, InlineSubscriptionRepair>();
        services.TryAddScoped<GraphNotificationHandler>();
        return services;
    }
}
