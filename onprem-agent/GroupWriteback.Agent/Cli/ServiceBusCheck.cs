using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Transport.ServiceBus;

namespace GroupWriteback.Agent.Cli;

/// <summary>
/// <c>check</c>'s Service Bus items: a token for the configured identity, the commands queue accepts a receive link
/// (Azure Service Bus Data Receiver) and the results queue a send link (Azure Service Bus Data Sender). Nothing is
/// received or sent: a session that happens to be waiting is opened and released unread.
/// </summary>
internal sealed class ServiceBusCheck(ServiceBusTransportOptions options, TokenCredential? credential, ServiceBusClient client)
{
    /// <summary>The token audience of Service Bus data operations.</summary>
    internal const string Scope = "https://servicebus.azure.net/.default";

    private const string Section = ServiceBusTransportOptions.SectionName;

    /// <summary>
    /// A client of its own, without retries and with a short try timeout: a check must say at once that the
    /// namespace cannot be reached rather than retry for minutes, and "no session waiting" comes back as a timeout.
    /// </summary>
    public static async Task<IReadOnlyList<CheckItem>> RunAsync(ServiceBusTransportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        TokenCredential? credential = null;
        try
        {
            credential = string.IsNullOrWhiteSpace(options.ConnectionString) ? ServiceBusCredentials.Create(options) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException
            or System.Security.Cryptography.CryptographicException)
        {
            return [new CheckItem("Service Bus credential", false, $"{CredentialSettings(options)}: {ex.Message}")];
        }

        var clientOptions = new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(10) },
        };
        await using var client = credential is null
            ? new ServiceBusClient(options.ConnectionString, clientOptions)
            : new ServiceBusClient(options.FullyQualifiedNamespace, credential, clientOptions);
        return await new ServiceBusCheck(options, credential, client).RunAsync(cancellationToken);
    }

    /// <summary>Runs the three items; a later item is not tried when the token cannot be had.</summary>
    public async Task<IReadOnlyList<CheckItem>> RunAsync(CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        if (!token.Passed)
        {
            return [token, NotTried(Receive), NotTried(Send)];
        }

        return [token, await ReceivableAsync(cancellationToken), await SendableAsync(cancellationToken)];
    }

    private string Receive => $"Service Bus receive {options.CommandsQueue}";

    private string Send => $"Service Bus send {options.ResultsQueue}";

    private static CheckItem NotTried(string name) => new(name, false, "not tried: no token for Service Bus");

    private static string CredentialSettings(ServiceBusTransportOptions options) =>
        (options.Credential?.Trim().ToLowerInvariant()) switch
        {
            ServiceBusTransportOptions.CertificateCredential => $"{Section}:Credential certificate ({Section}:TenantId, {Section}:ClientId, "
                + (string.IsNullOrWhiteSpace(options.CertificateThumbprint) ? $"{Section}:CertificatePath '{options.CertificatePath}'" : $"{Section}:CertificateThumbprint {options.CertificateThumbprint}") + ")",
            ServiceBusTransportOptions.ClientSecretCredential => $"{Section}:Credential clientsecret ({Section}:TenantId, {Section}:ClientId, {Section}:ClientSecret)",
            ServiceBusTransportOptions.ManagedIdentityCredential => $"{Section}:Credential managedidentity ({Section}:ClientId '{options.ClientId}'; on Azure Arc the account must be in the himds / Hybrid agent extension applications group)",
            _ => $"{Section}:Credential empty (DefaultAzureCredential)",
        };

    private async Task<CheckItem> TokenAsync(CancellationToken cancellationToken)
    {
        const string Name = "Service Bus token";
        if (credential is null)
        {
            return new CheckItem(Name, true, $"{Section}:ConnectionString: shared access key, no token needed (the namespace must allow local auth)");
        }

        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            return new CheckItem(Name, true, $"token acquired for {options.FullyQualifiedNamespace}, valid until {token.ExpiresOn:u}");
        }
        catch (Exception ex) when (ex is AuthenticationFailedException or CredentialUnavailableException)
        {
            return new CheckItem(Name, false, $"{CredentialSettings(options)}: {FirstLine(ex.Message)}");
        }
    }

    private async Task<CheckItem> ReceivableAsync(CancellationToken cancellationToken)
    {
        var setting = $"{Section}:{nameof(options.CommandsQueue)}";
        try
        {
            await using var receiver = await client.AcceptNextSessionAsync(
                options.CommandsQueue, new ServiceBusSessionReceiverOptions { PrefetchCount = 0 }, cancellationToken);
            return new CheckItem(Receive, true, $"session {receiver.SessionId} opened and released unread");
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.ServiceTimeout)
        {
            return new CheckItem(Receive, true, "receive link accepted; no session waiting");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or ServiceBusException)
        {
            return new CheckItem(Receive, false, Explain(ex, setting, options.CommandsQueue, "Azure Service Bus Data Receiver"));
        }
    }

    private async Task<CheckItem> SendableAsync(CancellationToken cancellationToken)
    {
        var setting = $"{Section}:{nameof(options.ResultsQueue)}";
        try
        {
            await using var sender = client.CreateSender(options.ResultsQueue);
            // Creating a batch opens the send link (and asks its size limit) without sending anything.
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            return new CheckItem(Send, true, $"send link accepted (batch limit {batch.MaxSizeInBytes} bytes); nothing sent");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or ServiceBusException)
        {
            return new CheckItem(Send, false, Explain(ex, setting, options.ResultsQueue, "Azure Service Bus Data Sender"));
        }
    }

    private string Explain(Exception ex, string setting, string queue, string role) => ex switch
    {
        UnauthorizedAccessException => $"the agent's identity lacks the role {role} on queue '{queue}' ({setting}): {FirstLine(ex.Message)}",
        ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityNotFound } =>
            $"queue '{queue}' ({setting}) does not exist in {options.FullyQualifiedNamespace ?? "the namespace"}",
        ServiceBusException { Reason: ServiceBusFailureReason.ServiceCommunicationProblem } =>
            $"cannot reach {Section}:{nameof(options.FullyQualifiedNamespace)} '{options.FullyQualifiedNamespace}' (outbound TCP 5671, or 443 with AMQP over WebSockets): {FirstLine(ex.Message)}",
        ServiceBusException sb => $"{sb.Reason} on queue '{queue}' ({setting}): {FirstLine(ex.Message)}",
        _ => FirstLine(ex.Message),
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
