using Azure.Messaging.ServiceBus;
using GroupWriteback.Transport.Embedded;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Transport.Hosting;

/// <summary>
/// Registers the queue transport of each side. Service Bus is used when the <c>ServiceBus</c>
/// section names a namespace or a connection string, else the embedded queue of
/// <c>EmbeddedQueue:Path</c>. Options are validated at start; a missing setting is named.
/// The status readers (<see cref="IQueueStatusReader"/>, <see cref="IDeadLetterReader"/>) come with every side.
/// </summary>
public static class QueueTransportRegistration
{
    /// <summary>The transport the configuration selects.</summary>
    public static QueueTransport Select(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ServiceBusTransportOptions.SectionName);
        return !string.IsNullOrWhiteSpace(section[nameof(ServiceBusTransportOptions.FullyQualifiedNamespace)])
            || !string.IsNullOrWhiteSpace(section[nameof(ServiceBusTransportOptions.ConnectionString)])
            ? QueueTransport.ServiceBus
            : QueueTransport.Embedded;
    }

    /// <summary>Cloud side: <see cref="ICommandPublisher"/> (and the status readers).</summary>
    public static IServiceCollection AddCommandPublishing(this IServiceCollection services, IConfiguration configuration) =>
        services.AddQueueTransport(
            configuration,
            embedded: s => s.TryAddSingleton<ICommandPublisher>(sp => new EmbeddedCommandPublisher(sp.GetRequiredService<EmbeddedQueueStore>())),
            serviceBus: s => s.TryAddSingleton<ICommandPublisher>(sp => new ServiceBusCommandPublisher(
                Sender(sp, QueueNames.Commands),
                sp.GetRequiredService<ILogger<ServiceBusCommandPublisher>>())));

    /// <summary>Cloud side: <see cref="IResultSource"/> (and the status readers).</summary>
    public static IServiceCollection AddResultDraining(this IServiceCollection services, IConfiguration configuration) =>
        services.AddQueueTransport(
            configuration,
            embedded: s => s.TryAddSingleton<IResultSource>(sp => new EmbeddedResultSource(sp.GetRequiredService<EmbeddedQueueStore>())),
            serviceBus: s => s.TryAddSingleton<IResultSource>(sp =>
            {
                var clients = sp.GetRequiredService<ServiceBusClients>();
                return new ServiceBusResultSource(clients.Client.CreateReceiver(
                    clients.Options.ResultsQueue,
                    new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = 0 }));
            }));

    /// <summary>Agent side: <see cref="ICommandSource"/> and <see cref="IResultPublisher"/> (and the status readers).</summary>
    public static IServiceCollection AddAgentTransport(this IServiceCollection services, IConfiguration configuration) =>
        services.AddQueueTransport(
            configuration,
            embedded: s =>
            {
                s.TryAddSingleton<ICommandSource>(sp => new EmbeddedCommandSource(sp.GetRequiredService<EmbeddedQueueStore>()));
                s.TryAddSingleton<IResultPublisher>(sp => new EmbeddedResultPublisher(sp.GetRequiredService<EmbeddedQueueStore>()));
            },
            serviceBus: s =>
            {
                s.TryAddSingleton<ICommandSource>(sp => new ServiceBusCommandSource(
                    sp.GetRequiredService<ServiceBusClients>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<ServiceBusCommandSource>>()));
                s.TryAddSingleton<IResultPublisher>(sp => new ServiceBusResultPublisher(Sender(sp, QueueNames.Results)));
            });

    private static IServiceCollection AddQueueTransport(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IServiceCollection> embedded,
        Action<IServiceCollection> serviceBus)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        if (Select(configuration) == QueueTransport.ServiceBus)
        {
            AddServiceBus(services);
            serviceBus(services);
        }
        else
        {
            AddEmbedded(services);
            embedded(services);
        }

        return services;
    }

    private static void AddServiceBus(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ServiceBusClients)))
        {
            // The other side's registration already added the shared pieces.
            return;
        }

        services.AddOptions<ServiceBusTransportOptions>()
            .BindConfiguration(ServiceBusTransportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceBusTransportOptions>, ServiceBusTransportOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<ServiceBusClients>>();
            var clients = new ServiceBusClients(sp.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value, logger);
            Log.TransportSelected(logger, "Azure Service Bus", clients.Location);
            return clients;
        });
        services.TryAddSingleton<IQueueStatusReader>(sp => new ServiceBusQueueStatusReader(sp.GetRequiredService<ServiceBusClients>()));
        services.TryAddSingleton<IDeadLetterReader>(sp => new ServiceBusDeadLetterReader(sp.GetRequiredService<ServiceBusClients>(), sp.GetRequiredService<ILogger<ServiceBusDeadLetterReader>>()));
    }

    private static void AddEmbedded(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(EmbeddedQueueStore)))
        {
            // The other side's registration already added the shared pieces.
            return;
        }

        services.AddOptions<EmbeddedQueueOptions>()
            .BindConfiguration(EmbeddedQueueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedQueueOptions>, EmbeddedQueueOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var store = new EmbeddedQueueStore(
                sp.GetRequiredService<IOptions<EmbeddedQueueOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<EmbeddedQueueStore>>());
            var location = Path.GetFullPath(store.Options.Path);
            Log.TransportSelected(store.Logger, "embedded queue", location);
            return store;
        });
        services.TryAddSingleton<IQueueStatusReader>(sp => sp.GetRequiredService<EmbeddedQueueStore>());
        services.TryAddSingleton<IDeadLetterReader>(sp => sp.GetRequiredService<EmbeddedQueueStore>());
    }

    private static ServiceBusSender Sender(IServiceProvider services, string queue)
    {
        var clients = services.GetRequiredService<ServiceBusClients>();
        return clients.Client.CreateSender(clients.Options.EntityFor(queue));
    }
}
