using GroupWriteback.GraphEmulator.Delta;
using GroupWriteback.GraphEmulator.Faults;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Requests;
using GroupWriteback.GraphEmulator.Subscriptions;
using Microsoft.Extensions.Options;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Registers the emulator's services in any ASP.NET Core host; <c>MapGraphEmulator</c> serves them.</summary>
public static class GraphEmulatorServiceCollectionExtensions
{
    /// <summary>Adds the emulator with options from the <c>GraphEmulator</c> configuration section.</summary>
    public static IServiceCollection AddGraphEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GraphEmulatorOptions>().Bind(configuration.GetSection(GraphEmulatorOptions.SectionName));
        return services.AddGraphEmulator();
    }

    /// <summary>
    /// Adds the emulator. With <paramref name="tenant"/> the host serves that instance (tests change it directly);
    /// otherwise the configured tenant file is loaded, or an empty tenant is started.
    /// </summary>
    public static IServiceCollection AddGraphEmulator(this IServiceCollection services, Action<GraphEmulatorOptions>? configure = null, EmulatedTenant? tenant = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GraphEmulatorOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (tenant is null)
        {
            services.AddSingleton(sp => LoadTenant(sp.GetRequiredService<IOptions<GraphEmulatorOptions>>().Value));
        }
        else
        {
            services.AddSingleton(tenant);
        }

        services.AddHttpClient(NotificationSender.ClientName);
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<RequestLog>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<DeltaRoundStore>();
        services.AddSingleton(sp => new SubscriptionStore(sp.GetRequiredService<EmulatedTenant>().Time));
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<EndpointValidator>();
        services.AddSingleton<LifecycleNotifier>();
        services.AddSingleton<ChangeNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeNotifier>());
        services.AddSingleton(sp => new GraphEmulatorControl(
            sp.GetRequiredService<EmulatedTenant>(),
            sp.GetRequiredService<FaultInjector>(),
            sp.GetRequiredService<RequestLog>(),
            sp.GetRequiredService<DeliveryLog>(),
            sp.GetRequiredService<SubscriptionStore>(),
            sp.GetRequiredService<LifecycleNotifier>(),
            sp.GetRequiredService<DeltaRoundStore>(),
            sp.GetRequiredService<IOptions<GraphEmulatorOptions>>()));
        return services;
    }

    private static EmulatedTenant LoadTenant(GraphEmulatorOptions options) =>
        options.TenantFile is { } path ? TenantFile.Load(path) : new EmulatedTenant();
}
