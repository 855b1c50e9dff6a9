using System.Globalization;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.LocalDomain;

namespace GroupWriteback.LocalHost.Bench;

/// <summary>
/// Starts bridges for the scenarios: each in a scratch OU of its own (removed at the end) with a delegated agent
/// account granted by the agent's own <c>grant</c>, its state in a temporary folder, its agent writing its operation
/// counts to <see cref="CountsFile"/>.
/// </summary>
internal sealed class BenchEnvironment(TestDomain domain, bool keepState, TextWriter output, DemoConsole console, int agentSessions) : IDisposable
{
    private readonly List<IDisposable> _scratch = [];
    private readonly List<string> _states = [];

    /// <summary>The counts file of the bridge started last.</summary>
    public string CountsFile { get; private set; } = string.Empty;

    /// <summary>The OU the bridge started last writes groups to.</summary>
    public string GroupsOu { get; private set; } = string.Empty;

    public async Task<LocalBridge> StartBridgeAsync(TenantFileDocument tenant, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? hostSettings = null)
    {
        var scratch = domain.CreateScratchOu("bench-bridge");
        _scratch.Add(scratch);
        var state = Directory.CreateTempSubdirectory("gw-bench-").FullName;
        _states.Add(state);
        GroupsOu = $"OU=Groups,{scratch.Dn}";
        domain.EnsureOu(GroupsOu);
        var account = domain.CreateAccount(scratch.Dn, "gwbench");
        CountsFile = Path.Combine(state, "agent-operations.json");
        var settings = new BridgeSettings
        {
            StateDirectory = state,
            Port = LoopbackPort.Free(),
            ApiKey = "bench-" + Guid.NewGuid().ToString("N"),
            Domain = domain.Info,
            TargetOu = GroupsOu,
            AgentScope = [scratch.Dn],
            AgentBindDn = account.Dn,
            AgentBindPassword = account.Password!,
            TenantFile = Path.Combine(state, "tenant.json"),
            HostSettings = hostSettings ?? new Dictionary<string, string>(),
            AgentExtraSettings = new Dictionary<string, string>
            {
                ["Agent:OperationCountsFile"] = CountsFile,
                ["Agent:MaxConcurrentSessions"] = agentSessions.ToString(CultureInfo.InvariantCulture),
            },
        };
        var (exitCode, text) = await AgentGrant.RunAsync(settings, account.Dn, scratch.Dn, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The agent's grant failed ({exitCode}): {text}");
        }

        await using (var file = File.Create(settings.TenantFile))
        {
            await TenantFile.WriteAsync(tenant, file, cancellationToken);
        }

        return await LocalBridge.StartAsync(settings, cancellationToken);
    }

    /// <summary>The DC's main process (its workers are its descendants), when its pid file is readable.</summary>
    public int? DomainControllerPid()
    {
        var file = domain.Info.StateDirectory is { } folder ? Path.Combine(folder, "samba.pid") : null;
        return file is not null && File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Removes a scratch OU; a DC too busy to delete it in time leaves it for the next cleanup, said so.</summary>
    public static void Remove(IDisposable scratch, DemoConsole console)
    {
        try
        {
            scratch.Dispose();
        }
        catch (System.DirectoryServices.Protocols.LdapException ex)
        {
            console.Detail($"scratch OU {scratch} not removed ({ex.Message}); tests/dc cleanup removes it later");
        }
    }

    public void Dispose()
    {
        foreach (var scratch in _scratch)
        {
            Remove(scratch, console);
        }

        foreach (var state in _states)
        {
            if (keepState)
            {
                output.WriteLine("state kept: " + state);
            }
            else
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }
}
