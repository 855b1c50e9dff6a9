namespace GroupWriteback.Transport.ServiceBus;

/// <summary>What each <see cref="ServiceBusTransportOptions.Credential"/> needs; every failure names the setting.</summary>
internal static class ServiceBusCredentialRules
{
    private const string Section = ServiceBusTransportOptions.SectionName;
    private const string Credential = $"{Section}:{nameof(ServiceBusTransportOptions.Credential)}";

    private static readonly string[] Known =
    [
        ServiceBusTransportOptions.ManagedIdentityCredential,
        ServiceBusTransportOptions.CertificateCredential,
        ServiceBusTransportOptions.ClientSecretCredential,
    ];

    public static void Check(ServiceBusTransportOptions options, List<string> failures)
    {
        var credential = options.Credential?.Trim();
        if (string.IsNullOrEmpty(credential))
        {
            return;
        }

        if (!Known.Contains(credential, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Credential} must be {string.Join(", ", Known.Select(k => $"'{k}'"))} or empty; got '{options.Credential}'.");
            return;
        }

        if (string.Equals(credential, ServiceBusTransportOptions.CertificateCredential, StringComparison.OrdinalIgnoreCase))
        {
            RequireApp(options, failures);
            CheckCertificate(options, failures);
        }
        else if (string.Equals(credential, ServiceBusTransportOptions.ClientSecretCredential, StringComparison.OrdinalIgnoreCase))
        {
            RequireApp(options, failures);
            if (string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                failures.Add($"{Credential} clientsecret needs {Section}:{nameof(options.ClientSecret)}.");
            }
        }
    }

    private static void RequireApp(ServiceBusTransportOptions options, List<string> failures)
    {
        if (!Guid.TryParse(options.TenantId, out _))
        {
            failures.Add($"{Credential} {options.Credential} needs {Section}:{nameof(options.TenantId)}, the Entra tenant id (a GUID); got '{options.TenantId}'.");
        }

        if (!Guid.TryParse(options.ClientId, out _))
        {
            failures.Add($"{Credential} {options.Credential} needs {Section}:{nameof(options.ClientId)}, the app registration's client id (a GUID); got '{options.ClientId}'.");
        }
    }

    private static void CheckCertificate(ServiceBusTransportOptions options, List<string> failures)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var hasThumbprint = !string.IsNullOrWhiteSpace(options.CertificateThumbprint);
        if (hasPath == hasThumbprint)
        {
            failures.Add($"{Credential} certificate needs exactly one of {Section}:{nameof(options.CertificatePath)} (a PFX or PEM file) and {Section}:{nameof(options.CertificateThumbprint)} (LocalMachine\\My, Windows).");
            return;
        }

        if (hasThumbprint && !OperatingSystem.IsWindows())
        {
            failures.Add($"{Section}:{nameof(options.CertificateThumbprint)} reads the Windows machine store; on this system set {Section}:{nameof(options.CertificatePath)} to a PFX or PEM file.");
        }

        if (hasPath && !File.Exists(Path.GetFullPath(options.CertificatePath!)))
        {
            failures.Add($"{Section}:{nameof(options.CertificatePath)} '{Path.GetFullPath(options.CertificatePath!)}' does not exist (or the agent's account cannot see it).");
        }
    }
}
