using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using GroupWriteback.Transport.ServiceBus;
using Microsoft.Extensions.Logging;
using Moq;

namespace GroupWriteback.Transport.Tests.ServiceBus;

/// <summary>The credential each <c>ServiceBus:Credential</c> selects, and what the validator demands of it.</summary>
public sealed class ServiceBusCredentialsTests : IDisposable
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string App = "66666666-7777-8888-9999-000000000000";
    private readonly string _folder = Directory.CreateTempSubdirectory("gw-sbcred-").FullName;

    [Fact]
    public void Create_ManagedIdentity_IsManagedIdentityCredential()
    {
        var credential = ServiceBusCredentials.Create(Options("managedidentity"));

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void Create_CertificateFromPasswordProtectedPfx_IsClientCertificateCredentialWithTheKey()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(_folder, "agent.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        var options = Options("certificate", certificatePath: path);
        options.CertificatePassword = "pfx-password";

        var credential = ServiceBusCredentials.Create(options);
        using var loaded = ServiceBusCredentials.LoadCertificate(options);

        Assert.IsType<ClientCertificateCredential>(credential);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void Create_CertificateFromPem_LoadsCertificateAndKey()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(_folder, "agent.pem");
        using (var key = certificate.GetRSAPrivateKey()!)
        {
            File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        }

        using var loaded = ServiceBusCredentials.LoadCertificate(Options("certificate", certificatePath: path));

        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void LoadCertificate_PemWithoutKey_FailsNamingThePath()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(_folder, "public-only.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());

        var error = Assert.ThrowsAny<Exception>(() => ServiceBusCredentials.LoadCertificate(Options("certificate", certificatePath: path)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ClientSecret_IsClientSecretCredentialAndLogsAWarning()
    {
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var options = Options("clientsecret");
        options.ClientSecret = "s3cret";

        var credential = ServiceBusCredentials.Create(options, logger.Object);

        Assert.IsType<ClientSecretCredential>(credential);
        logger.Verify(l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((v, _) => v.ToString()!.Contains("prefer", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Fact]
    public void Create_NoCredential_IsDefaultAzureCredential()
    {
        Assert.IsType<DefaultAzureCredential>(ServiceBusCredentials.Create(Options(null)));
    }

    [Fact]
    public void Validate_CertificateFileMissing_FailsNamingSettingAndPath()
    {
        var path = Path.Combine(_folder, "absent.pfx");

        var result = new ServiceBusTransportOptionsValidator().Validate(null, Options("certificate", certificatePath: path));

        Assert.Contains($"ServiceBus:CertificatePath '{path}' does not exist", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateWithoutTenantOrSource_NamesEachSetting()
    {
        var options = Options("certificate");
        options.TenantId = null;

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.Contains("ServiceBus:TenantId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ServiceBus:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ServiceBus:CertificateThumbprint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Thumbprint_AcceptedOnWindowsOnly()
    {
        var options = Options("certificate");
        options.CertificateThumbprint = "AB CD";

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        if (OperatingSystem.IsWindows())
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains("ServiceBus:CertificateThumbprint reads the Windows machine store", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ClientSecretWithoutSecret_NamesClientSecret()
    {
        var result = new ServiceBusTransportOptionsValidator().Validate(null, Options("clientsecret"));

        Assert.Contains("ServiceBus:ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateFileThere_Succeeds()
    {
        var path = Path.Combine(_folder, "present.pfx");
        using var certificate = SelfSigned();
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));

        var result = new ServiceBusTransportOptionsValidator().Validate(null, Options("certificate", certificatePath: path));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ServiceBusTransportOptions Options(string? credential, string? certificatePath = null) => new()
    {
        FullyQualifiedNamespace = "sb-gw.servicebus.windows.net",
        Credential = credential,
        TenantId = Tenant,
        ClientId = App,
        CertificatePath = certificatePath,
    };

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=groupwriteback-agent-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
