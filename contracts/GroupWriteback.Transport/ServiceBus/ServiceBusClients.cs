using Azure.Core;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// The process's one Service Bus connection (client) and its administration client, built from
/// <see cref="ServiceBusTransportOptions"/>. Transient failures are retried by the client with
/// exponential backoff; everything else surfaces at once.
/// </summary>
public sealed class ServiceBusClients : IAsyncDisposable
{
    private readonly Lazy<ServiceBusAdministrationClient> _administration;

    /// <summary>Creates the clients; nothing connects until first use.</summary>
    public ServiceBusClients(ServiceBusTransportOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var clientOptions = new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions
            {
                Mode = ServiceBusRetryMode.Exponential,
                MaxRetries = options.MaxRetries,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                TryTimeout = options.TryTimeout,
            },
        };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Client = new ServiceBusClient(options.ConnectionString, clientOptions);
            _administration = new(() => new ServiceBusAdministrationClient(options.ConnectionString));
            Location = Client.FullyQualifiedNamespace;
            return;
        }

        var credential = ServiceBusCredentials.Create(options, logger);
        Credential = credential;
        Client = new ServiceBusClient(options.FullyQualifiedNamespace, credential, clientOptions);
        _administration = new(() => new ServiceBusAdministrationClient(options.FullyQualifiedNamespace, credential));
        Location = options.FullyQualifiedNamespace!;
    }

    /// <summary>Clients supplied directly (tests).</summary>
    internal ServiceBusClients(ServiceBusTransportOptions options, ServiceBusClient client, ServiceBusAdministrationClient administration, TokenCredential? credential = null)
    {
        Options = options;
        Credential = credential;
        Client = client;
        _administration = new(administration);
        Location = options.FullyQualifiedNamespace ?? "test";
    }

    /// <summary>The options the clients were built from.</summary>
    public ServiceBusTransportOptions Options { get; }

    /// <summary>The credential of an identity-based connection; null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>Senders and receivers are created from this client.</summary>
    public ServiceBusClient Client { get; }

    /// <summary>Queue counts; needs the Manage right on the namespace.</summary>
    public ServiceBusAdministrationClient Administration => _administration.Value;

    /// <summary>The namespace, for logs.</summary>
    public string Location { get; }

    /// <summary>The credential an identity-based connection uses.</summary>
    public static TokenCredential CreateCredential(ServiceBusTransportOptions options) => ServiceBusCredentials.Create(options);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
