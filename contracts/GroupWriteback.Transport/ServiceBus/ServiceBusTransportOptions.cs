using System.ComponentModel.DataAnnotations;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// Azure Service Bus (section <c>ServiceBus</c>), in the shape of the Functions identity-based
/// connection settings: <c>ServiceBus__fullyQualifiedNamespace</c>, <c>__credential</c>,
/// <c>__clientId</c>; or a connection string. Configuring either selects Service Bus over the
/// embedded queue.
/// </summary>
public sealed class ServiceBusTransportOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ServiceBus";

    /// <summary>The value of <see cref="Credential"/> that selects a managed identity (Azure, or Azure Arc on-premises).</summary>
    public const string ManagedIdentityCredential = "managedidentity";

    /// <summary>The value of <see cref="Credential"/> that selects an app registration's certificate.</summary>
    public const string CertificateCredential = "certificate";

    /// <summary>The value of <see cref="Credential"/> that selects an app registration's client secret (discouraged).</summary>
    public const string ClientSecretCredential = "clientsecret";

    /// <summary>The namespace host, e.g. <c>sb-gw.servicebus.windows.net</c> (identity-based connection).</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>A connection string with a shared access key; only where local auth is allowed.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>managedidentity</c>: the managed identity (<see cref="ClientId"/> names a user-assigned one; on an Azure
    /// Arc-enabled server the machine's identity through the Arc agent). <c>certificate</c>: the app registration
    /// <see cref="ClientId"/> in <see cref="TenantId"/> with the certificate of <see cref="CertificatePath"/> or
    /// <see cref="CertificateThumbprint"/>. <c>clientsecret</c>: the same app with <see cref="ClientSecret"/>
    /// (logged as a warning at start). Empty: <c>DefaultAzureCredential</c> (developer sign-in, environment).
    /// </summary>
    public string? Credential { get; set; }

    /// <summary>Client id of the user-assigned managed identity, or of the app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>The Entra tenant of the app registration (<c>certificate</c>, <c>clientsecret</c>).</summary>
    public string? TenantId { get; set; }

    /// <summary>A PFX (PKCS#12) or PEM file holding the certificate and its private key (<c>certificate</c>; Linux).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of a PFX in <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprint of a certificate in the local machine's personal store, <c>LocalMachine\My</c> (<c>certificate</c>; Windows).</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The app registration's client secret (<c>clientsecret</c>). A secret can leak; prefer a certificate.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The session-enabled commands queue.</summary>
    [Required]
    public string CommandsQueue { get; set; } = QueueNames.Commands;

    /// <summary>The results queue.</summary>
    [Required]
    public string ResultsQueue { get; set; } = QueueNames.Results;

    /// <summary>Retries of a transient failure (busy, timeout, connection) before it is reported; with exponential backoff.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one operation may take before it counts as timed out (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an open session's lock is renewed at most; a consumer that hangs longer loses it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>True when a namespace or a connection string is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The entity name configured for a logical queue name of <see cref="QueueNames"/>.</summary>
    public string EntityFor(string queue) => queue switch
    {
        QueueNames.Commands => CommandsQueue,
        QueueNames.Results => ResultsQueue,
        _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, $"Unknown queue '{queue}'; expected {QueueNames.Commands} or {QueueNames.Results}."),
    };
}
