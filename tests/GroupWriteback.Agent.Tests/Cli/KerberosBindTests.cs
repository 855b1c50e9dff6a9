using System.Diagnostics;
using System.Text.Json;
using GroupWriteback.Agent.Tests.Processing;
using GroupWriteback.Contracts.Commands;
using GroupWriteback.Contracts;
using GroupWriteback.Testing;

namespace GroupWriteback.Agent.Tests.Cli;

/// <summary>
/// The agent's default bind, Negotiate, as a separate process holding a Kerberos ticket from the test DC's KDC:
/// no password in its settings, so only Kerberos can get it in. It must set libldap's SASL options itself
/// (no signing inside TLS, the configured host name as SPN); the child gets none of them from here.
/// </summary>
[Trait(TestCategory.Name, TestCategory.DomainController)]
public sealed class KerberosBindTests : IDisposable
{
    private readonly WriterScope _scope = new("krb");
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("gw-krb-").FullName;

    [Fact]
    public async Task Apply_NegotiateWithATicket_WritesTheGroupOverLdaps()
    {
        var cache = await KinitAsync();
        var id = Guid.NewGuid().ToString();
        var file = Path.Combine(_folder, "commands.json");
        await File.WriteAllTextAsync(file, WireSerializer.SerializeCommandList([_scope.Upsert(id, "Kerberos Written", CloudGroupKind.Security)]));

        var (exit, output) = await RunAgentAsync(cache, "apply", "--file", file);

        Assert.True(exit == 0, output);
        var entry = WriterScope.ReadGroup(id, "displayName");
        Assert.Equal(["Kerberos Written"], WriterScope.Values(entry, "displayName"));
        Assert.EndsWith("," + _scope.Ou, entry.DistinguishedName, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Check_NegotiateWithoutATicket_FailsTheBindNamingNegotiate()
    {
        var (exit, output) = await RunAgentAsync(Path.Combine(_folder, "no-such-cache"), "check");

        Assert.NotEqual(0, exit);
        Assert.Contains("[FAIL] bind", output, StringComparison.Ordinal);
        Assert.Contains("Negotiate", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _scope.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private static string Krb5Config =>
        Path.Combine(WriterScope.Domain.Info.StateDirectory ?? throw new InvalidOperationException("connection.json names no stateDirectory"), "krb5.conf");

    private async Task<string> KinitAsync()
    {
        var cache = Path.Combine(_folder, "ccache");
        var start = new ProcessStartInfo("kinit", [$"{WriterScope.Domain.Info.AdminUpn.Split('@')[0]}@{WriterScope.Domain.Info.Realm}"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KRB5_CONFIG"] = Krb5Config;
        start.Environment["KRB5CCNAME"] = "FILE:" + cache;
        using var kinit = Process.Start(start)!;
        await kinit.StandardInput.WriteLineAsync(WriterScope.Domain.Info.AdminPassword);
        kinit.StandardInput.Close();
        var error = await kinit.StandardError.ReadToEndAsync();
        await kinit.WaitForExitAsync();
        Assert.True(kinit.ExitCode == 0, $"kinit failed: {error}");
        return cache;
    }

    private async Task<(int ExitCode, string Output)> RunAgentAsync(string cache, params string[] args)
    {
        var settings = Path.Combine(_folder, "settings.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            Directory = new
            {
                Server = "localhost",
                Port = WriterScope.Domain.LdapsPort,
                AuthType = "Negotiate",
                TrustedCertificatesDirectory = WriterScope.Domain.TrustedCertificatesDirectory,
                DomainDn = WriterScope.Domain.DomainDn,
                TargetOus = new[] { _scope.Ou },
            },
            Agent = new { AgentId = "krb-test", StateDirectory = Path.Combine(_folder, "state") },
        }));
        var agent = Path.Combine(AppContext.BaseDirectory, "groupwriteback-agent.dll");
        var start = new ProcessStartInfo("dotnet", [agent, .. args, "--settings", settings])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KRB5_CONFIG"] = Krb5Config;
        start.Environment["KRB5CCNAME"] = "FILE:" + cache;
        start.Environment.Remove("LDAPSASL_SECPROPS");
        start.Environment.Remove("LDAPSASL_NOCANON");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
