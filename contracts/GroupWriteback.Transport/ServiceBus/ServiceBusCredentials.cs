using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GroupWriteback.Transport.ServiceBus;

/// <summary>
/// The credential of an identity-based Service Bus connection, chosen by <see cref="ServiceBusTransportOptions.Credential"/>.
/// On-premises the agent has no Azure-hosted identity: it uses an app registration's certificate (a PFX/PEM file on
/// Linux, the machine store on Windows) or the Azure Arc agent's managed identity. The options are validated first
/// (<see cref="ServiceBusTransportOptionsValidator"/>), so here a problem is a file that vanished or cannot be read.
/// </summary>
public static class ServiceBusCredentials
{
    /// <summary>Creates the credential the options select.</summary>
    public static TokenCredential Create(ServiceBusTransportOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId;
        switch (options.Credential?.Trim().ToLowerInvariant())
        {
            case ServiceBusTransportOptions.ManagedIdentityCredential:
                // Azure Arc: ManagedIdentityCredential finds the Arc agent's endpoint (IDENTITY_ENDPOINT/IMDS_ENDPOINT)
                // itself; Arc has only the machine's system-assigned identity, so no client id there.
                return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
            case ServiceBusTransportOptions.CertificateCredential:
                return new ClientCertificateCredential(options.TenantId, clientId, LoadCertificate(options));
            case ServiceBusTransportOptions.ClientSecretCredential:
                Log.ClientSecretInUse(logger ?? NullLogger.Instance, clientId ?? string.Empty);
                return new ClientSecretCredential(options.TenantId, clientId, options.ClientSecret);
            default:
                return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }
    }

    /// <summary>The certificate with its private key, from the file or (Windows) the machine's personal store.</summary>
    internal static X509Certificate2 LoadCertificate(ServiceBusTransportOptions options)
    {
        const string Section = ServiceBusTransportOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            var thumbprint = options.CertificateThumbprint.Replace(" ", string.Empty, StringComparison.Ordinal);
            using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            return found.Count == 1 && found[0].HasPrivateKey
                ? found[0]
                : throw new InvalidOperationException(
                    $"{Section}:{nameof(options.CertificateThumbprint)} '{thumbprint}': {(found.Count == 0 ? "no such certificate" : "the certificate has no private key the agent can use")} in LocalMachine\\My.");
        }

        var path = Path.GetFullPath(options.CertificatePath!);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{Section}:{nameof(options.CertificatePath)} '{path}' does not exist.", path);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidDataException(
                $"{Section}:{nameof(options.CertificatePath)} '{path}' is not a PFX (with {Section}:{nameof(options.CertificatePassword)}) or a PEM holding the certificate and its private key: {ex.Message}",
                ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidDataException($"{Section}:{nameof(options.CertificatePath)} '{path}' holds no private key.");
        }

        return certificate;
    }

    /// <summary>PEM is text with a <c>-----BEGIN</c> armour line; anything else is taken for PKCS#12.</summary>
    private static bool IsPem(string path)
    {
        var head = new byte[4096];
        using var file = File.OpenRead(path);
        var read = file.Read(head);
        return head.AsSpan(0, read).IndexOf("-----BEGIN "u8) >= 0;
    }
}
