using System.Security.Cryptography;
using GroupWriteback.Cloud.Workflows.FullSync;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Demo;

/// <summary>The demo from a fresh machine to the final table; every step is safe to repeat.</summary>
internal static class DemoRun
{
    private static readonly TimeSpan FullSyncLimit = TimeSpan.FromMinutes(15);

    public static async Task<int> ExecuteAsync(bool keep, int port, TextWriter output, CancellationToken cancellationToken)
    {
        var console = new DemoConsole(output);
        if (!Environment.IsPrivilegedProcess)
        {
            output.WriteLine("The demo installs Samba and runs a domain controller on this machine: run it as root.");
            return 2;
        }

        var state = RepositoryLayout.State("demo");
        Directory.CreateDirectory(state);
        var domain = await console.StepAsync(
            "Installing Samba if missing, starting the throwaway domain controller (.state/testdc)", () => Task.Run(() => TestDomain.Instance, cancellationToken));
        console.Detail($"{domain.Info.Realm} at ldaps://{domain.Server}:{domain.LdapsPort}");

        var agentPassword = "Gw1!" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var directory = await console.StepAsync(
            $"Preparing the directory: demo OU, {DemoTenant.OnPremisesUsers} users, the agent's account",
            () => Task.Run(() => DemoDirectory.Prepare(domain, agentPassword), cancellationToken));
        console.Detail($"groups go to {directory.GroupsOu}");

        var settings = Settings(state, port, domain, directory);
        await console.StepAsync($"Granting {DemoDirectory.AgentAccountName} its permissions on the groups OU (agent grant)", () => GrantAsync(settings, directory, console, cancellationToken));
        await console.StepAsync("Writing the demo tenant (51 groups) for the Graph emulator", () => WriteTenantAsync(settings.TenantFile!, directory, cancellationToken));

        ResetQueue(state);
        await using var bridge = await console.StepAsync("Starting the local host and the agent (two processes)", () => LocalBridge.StartAsync(settings, cancellationToken));
        console.Detail($"local host pid {bridge.Host.Id} on {settings.BaseUrl}, agent pid {bridge.Agent!.Id}; logs in {Path.Combine(state, "logs")}");

        var run = await console.StepAsync("Full sync", () => FullSyncWatch.RunAsync(bridge.Admin, console, FullSyncLimit, cancellationToken));
        var written = DirectoryGroup.All(domain, directory.GroupsOu);
        console.Detail($"{run.Done}/{run.Total} groups synced; {written.Count} groups and {written.Sum(g => g.Members.Count)} member links in the OU");

        var live = await console.StepAsync("Live changes in Entra ID, timed until they are in AD", () => new LiveChanges(bridge, domain, directory, console).RunAsync(cancellationToken));
        await console.StepAsync("What is in the OU now", () =>
        {
            OuTable.Write(output, DirectoryGroup.All(domain, directory.GroupsOu));
            return Task.CompletedTask;
        });

        if (keep)
        {
            bridge.Keep();
            output.WriteLine($"Still running. Console: {settings.BaseUrl}console/ (it asks for the key: {settings.ApiKey})");
            output.WriteLine($"  Admin API: {settings.BaseUrl}api/status with header x-functions-key: {settings.ApiKey}");
            output.WriteLine($"  e.g. curl -H 'x-functions-key: {settings.ApiKey}' {settings.BaseUrl}api/status");
            output.WriteLine($"  Graph emulator: {settings.BaseUrl}v1.0/groups (any bearer token); logs: {Path.Combine(state, "logs")}");
            output.WriteLine("  Stop them (as root) with: dotnet run --project functions/GroupWriteback.LocalHost -- stop");
        }

        output.WriteLine("The domain controller keeps running for the tests; stop it with: tests/dc/stop.sh");
        var success = live && run.Phase == Cloud.Workflows.FullSync.FullSyncPhase.Completed;
        console.Finished(success);
        return success ? 0 : 1;
    }

    private static BridgeSettings Settings(string state, int port, TestDomain domain, DemoDirectory directory) => new()
    {
        StateDirectory = state,
        Port = port,
        ApiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
        Domain = domain.Info,
        TargetOu = directory.GroupsOu,
        AgentScope = [directory.GroupsOu],
        AgentBindDn = directory.AgentAccount.Dn,
        AgentBindPassword = directory.AgentAccount.Password!,
        TenantFile = Path.Combine(state, "tenant.json"),
        HostSettings = new Dictionary<string, string>
        {
            ["Writeback:Naming"] = "DisplayNameAndObjectId",
            ["Writeback:DebounceWindow"] = "00:00:00.500",
        },
    };

    private static async Task GrantAsync(BridgeSettings settings, DemoDirectory directory, DemoConsole console, CancellationToken cancellationToken)
    {
        var (exitCode, text) = await AgentGrant.RunAsync(settings, directory.AgentAccount.Dn, directory.GroupsOu, cancellationToken);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            console.Detail(line.TrimEnd());
        }

        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The agent's grant failed with exit code {exitCode}.");
        }
    }

    private static async Task WriteTenantAsync(string path, DemoDirectory directory, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await TenantFile.WriteAsync(DemoTenant.Build(directory.Users), file, cancellationToken);
    }

    private static void ResetQueue(string state)
    {
        // The local host's task hub starts empty each run; so do the queue and the agent's chunk store.
        LocalBridge.StopRecorded(state);

        foreach (var file in Directory.EnumerateFiles(state, "queue.db*"))
        {
            File.Delete(file);
        }

        if (Directory.Exists(Path.Combine(state, "agent-state")))
        {
            Directory.Delete(Path.Combine(state, "agent-state"), recursive: true);
        }
    }
}
