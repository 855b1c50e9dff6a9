using System.Globalization;
using GroupWriteback.Cloud.Api;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.Testing;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// Full-sync throughput and memory of the bridge, against a baseline measured in the same run on the same DC: the
/// same groups written by plain LDAP adds. Everything it creates lives in scratch OUs that are removed at the end.
/// </summary>
internal static class BenchRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    public static async Task<int> ExecuteAsync(int groups, int members, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            output.WriteLine("The benchmark starts the test domain controller when it is not running: run it as root.");
            return 2;
        }

        var console = new DemoConsole(output);
        var domain = await console.StepAsync("Starting the test domain controller", () => Task.Run(() => TestDomain.Instance, cancellationToken));
        var users = await console.StepAsync($"Ensuring {members} users", () => Task.Run(() => domain.SharedUsers(members), cancellationToken));

        using var raw = domain.CreateScratchOu("bench-raw");
        var baseline = await console.StepAsync($"Baseline: {groups} groups by plain LDAP adds", () => Task.Run(() => RawWriteBaseline.Run(domain, raw.Dn, groups, users), cancellationToken));

        using var scratch = domain.CreateScratchOu("bench-bridge");
        var state = Directory.CreateTempSubdirectory("gw-bench-").FullName;
        try
        {
            var (run, memory) = await console.StepAsync($"Bridge: full sync of the same {groups} groups", () => BridgeAsync(domain, scratch.Dn, state, groups, users, console, cancellationToken));
            Report(output, groups, members, baseline, run.LastUpdatedAt - run.CreatedAt, memory);
            return run.Done == groups ? 0 : 1;
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static async Task<(WorkflowReport Run, (double? Host, double? Agent) Memory)> BridgeAsync(
        TestDomain domain, string scopeOu, string state, int groups, IReadOnlyList<TestUser> users, DemoConsole console, CancellationToken cancellationToken)
    {
        var groupsOu = $"OU=Groups,{scopeOu}";
        domain.EnsureOu(groupsOu);
        var account = domain.CreateAccount(scopeOu, "gwbench");
        var settings = new BridgeSettings
        {
            StateDirectory = state,
            Port = LoopbackPort.Free(),
            ApiKey = "bench-" + Guid.NewGuid().ToString("N"),
            Domain = domain.Info,
            TargetOu = groupsOu,
            AgentScope = [scopeOu],
            AgentBindDn = account.Dn,
            AgentBindPassword = account.Password!,
            TenantFile = Path.Combine(state, "tenant.json"),
        };
        var (exitCode, text) = await AgentGrant.RunAsync(settings, account.Dn, scopeOu, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The agent's grant failed ({exitCode}): {text}");
        }

        await using (var file = File.Create(settings.TenantFile))
        {
            await TenantFile.WriteAsync(BenchTenant.Build(groups, users), file, cancellationToken);
        }

        await using var bridge = await LocalBridge.StartAsync(settings, cancellationToken);
        var run = await FullSyncWatch.RunAsync(bridge.Admin, console, Limit, cancellationToken);
        return (run, (ProcessMemory.PeakMegabytes(bridge.Host.Id), ProcessMemory.PeakMegabytes(bridge.Agent!.Id)));
    }

    private static void Report(TextWriter output, int groups, int members, TimeSpan baseline, TimeSpan bridge, (double? Host, double? Agent) memory)
    {
        var links = (long)groups * members;
        string Row(string name, TimeSpan time) => string.Create(
            CultureInfo.InvariantCulture, $"{name,-24} {time.TotalSeconds,9:F1} {groups / time.TotalSeconds,10:F1} {links / time.TotalSeconds,10:F0}");
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{groups} groups x {members} members ({links} member links)"));
        output.WriteLine($"{"",-24} {"seconds",9} {"groups/s",10} {"links/s",10}");
        output.WriteLine(Row("raw LDAP (baseline)", baseline));
        output.WriteLine(Row("bridge full sync", bridge));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ratio bridge / baseline",-24} {bridge / baseline,9:F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory: local host {memory.Host:F0} MB, agent {memory.Agent:F0} MB"));
    }
}
