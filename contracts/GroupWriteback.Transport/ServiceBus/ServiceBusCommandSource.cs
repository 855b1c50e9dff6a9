using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>Takes the next group session with waiting commands (<see cref="ServiceBusClient.AcceptNextSessionAsync(string, ServiceBusSessionReceiverOptions, CancellationToken)"/>).</summary>
public sealed class ServiceBusCommandSource(ServiceBusClients clients, TimeProvider time, ILogger<ServiceBusCommandSource> logger) : ICommandSource
{
    private static readonly ServiceBusSessionReceiverOptions ReceiverOptions = new()
    {
        ReceiveMode = ServiceBusReceiveMode.PeekLock,

        // No prefetch: a prefetched message's lock runs while it waits in the buffer.
        PrefetchCount = 0,
    };

    /// <inheritdoc />
    public async Task<ICommandSession?> AcceptNextSessionAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        using var deadline = new CancellationTokenSource(maxWait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : maxWait, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var receiver = await clients.Client.AcceptNextSessionAsync(clients.Options.CommandsQueue, ReceiverOptions, wait.Token);
            return new ServiceBusCommandSession(receiver, clients.Options.MaxLockRenewalDuration, time, logger);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.ServiceTimeout)
        {
            // No session had messages within the client's try timeout.
            return null;
        }
    }
}
