using System.Diagnostics;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>
/// The whole bridge on one machine: the local host (cloud library, Graph emulator, admin API) and the agent as
/// two processes sharing the embedded queue, writing to the DC. The demo and the end-to-end tests both drive it.
/// </summary>
internal sealed class LocalBridge : IAsyncDisposable
{
    private const string HostStem = "localhost";
    private const string AgentStem = "agent";
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private readonly string _agentSettingsFile;
    private bool _kept;

    private LocalBridge(BridgeSettings settings, BridgeProcess host, string agentSettingsFile)
    {
        Settings = settings;
        Host = host;
        this._agentSettingsFile = agentSettingsFile;
        Admin = AdminClient.Create(settings.BaseUrl, settings.ApiKey);
        Graph = new EmulatorClient(settings.BaseUrl);
    }

    /// <summary>What the processes were started with.</summary>
    public BridgeSettings Settings { get; private set; }

    /// <summary>The local host process.</summary>
    public BridgeProcess Host { get; private set; }

    /// <summary>The agent process, while it runs.</summary>
    public BridgeProcess? Agent { get; private set; }

    /// <summary>The admin API.</summary>
    public AdminClient Admin { get; }

    /// <summary>The emulated tenant, changed through Graph.</summary>
    public EmulatorClient Graph { get; }

    /// <summary>Writes both settings files, starts the local host, waits until its API answers, then starts the agent.</summary>
    public static async Task<LocalBridge> StartAsync(BridgeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.StateDirectory);
        var agentSettingsFile = Path.Combine(settings.StateDirectory, "agent.settings.json");
        SettingsFile.Write(agentSettingsFile, settings.AgentSettings());
        var bridge = new LocalBridge(settings, StartHost(settings), agentSettingsFile);
        try
        {
            await bridge.WaitForHostAsync(cancellationToken);
            bridge.StartAgent();
            return bridge;
        }
        catch
        {
            await bridge.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one agent command (<c>grant</c>, <c>check</c>, …) to its end with <paramref name="settingsFile"/>; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAgentCommandAsync(string settingsFile, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(BridgeProcess.DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[RepositoryLayout.AgentDll, .. arguments, "--settings", settingsFile])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {RepositoryLayout.AgentDll}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await output + await error).Trim());
    }

    /// <summary>
    /// Stops the local host and starts it with <paramref name="settings"/> (a changed OU mapping, say), as an
    /// administrator restarts the app after a configuration change. The in-memory task hub starts empty.
    /// </summary>
    public async Task RestartHostAsync(BridgeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Host.Kill();
        Host.Dispose();
        Settings = settings;
        Host = StartHost(settings);
        await WaitForHostAsync(cancellationToken);
    }

    /// <summary>Ends the local host and the agent that a run in <paramref name="stateDirectory"/> left running; returns how many ran.</summary>
    public static int StopRecorded(string stateDirectory) =>
        new[] { HostStem, AgentStem }.Count(stem => BridgeProcess.StopRecorded(Path.Combine(stateDirectory, stem + ".pid")));

    /// <summary>Starts the agent (again).</summary>
    public void StartAgent()
    {
        if (Agent is { IsRunning: true })
        {
            return;
        }

        Agent?.Dispose();
        Agent = BridgeProcess.Start("agent", RepositoryLayout.AgentDll, ["run", "--settings", _agentSettingsFile], Settings.StateDirectory, AgentStem);
    }

    /// <summary>Kills the agent at once, mid-write if it is writing.</summary>
    public void KillAgent() => Agent?.Kill();

    /// <summary>Leaves both processes running after this object is disposed.</summary>
    public void Keep() => _kept = true;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_kept)
        {
            Agent?.Kill();
            Host.Kill();
        }

        Agent?.Dispose();
        Host.Dispose();
        Admin.Dispose();
        Graph.Dispose();
        return ValueTask.CompletedTask;
    }

    private static BridgeProcess StartHost(BridgeSettings settings)
    {
        var file = Path.Combine(settings.StateDirectory, "localhost.settings.json");
        SettingsFile.Write(file, settings.LocalHostSettings());
        return BridgeProcess.Start("local host", RepositoryLayout.LocalHostDll, ["serve", "--settings", file], settings.StateDirectory, HostStem);
    }

    private async Task WaitForHostAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (!await Admin.IsHealthyAsync(cancellationToken))
        {
            if (!Host.IsRunning || DateTime.UtcNow > deadline)
            {
                var log = File.Exists(Host.LogFile) ? File.ReadLines(Host.LogFile).TakeLast(30) : [];
                throw new InvalidOperationException(
                    $"The local host {(Host.IsRunning ? "did not answer within " + StartLimit.TotalMinutes + " minutes" : "exited")} on {Settings.BaseUrl}; " +
                    $"the end of {Host.LogFile}:\n{string.Join('\n', log)}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
