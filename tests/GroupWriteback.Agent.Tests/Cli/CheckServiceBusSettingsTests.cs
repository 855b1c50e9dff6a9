using GroupWriteback.Agent.Configuration;

namespace GroupWriteback.Agent.Tests.Cli;

/// <summary>
/// <c>check</c> with Service Bus configured validates those settings before anything connects: a wrong one ends the
/// command with exit code 2 and a line naming it. The directory settings are valid but never used.
/// </summary>
public sealed class CheckServiceBusSettingsTests : IDisposable
{
    private static readonly DirectoryOptions Directory = new() { Server = "dc.invalid", TargetOus = ["OU=Cloud Groups,DC=corp,DC=test"] };
    private readonly AgentCli _cli = new(Directory);

    [Fact]
    public async Task Check_NamespaceWithScheme_ExitsTwoNamingTheSetting()
    {
        _cli.WriteSettings(new { Directory, ServiceBus = new { FullyQualifiedNamespace = "https://sb-gw.servicebus.windows.net/" } });

        var (exit, output) = await _cli.RunAsync("check");

        Assert.Equal(2, exit);
        Assert.Contains("ServiceBus:FullyQualifiedNamespace must be a host name", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_CertificateFileMissing_ExitsTwoNamingThePath()
    {
        var missing = Path.Combine(Path.GetDirectoryName(_cli.SettingsFile)!, "no-such-agent.pfx");
        _cli.WriteSettings(new
        {
            Directory,
            ServiceBus = new
            {
                FullyQualifiedNamespace = "sb-gw.servicebus.windows.net",
                Credential = "certificate",
                TenantId = "11111111-2222-3333-4444-555555555555",
                ClientId = "66666666-7777-8888-9999-000000000000",
                CertificatePath = missing,
            },
        });

        var (exit, output) = await _cli.RunAsync("check");

        Assert.Equal(2, exit);
        Assert.Contains($"ServiceBus:CertificatePath '{missing}' does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownCredential_ExitsTwoNamingTheSetting()
    {
        _cli.WriteSettings(new { Directory, ServiceBus = new { FullyQualifiedNamespace = "sb-gw.servicebus.windows.net", Credential = "password" } });

        var (exit, output) = await _cli.RunAsync("check");

        Assert.Equal(2, exit);
        Assert.Contains("ServiceBus:Credential must be", output, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
