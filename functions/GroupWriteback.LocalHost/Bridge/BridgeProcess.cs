using System.Diagnostics;
using System.Globalization;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>
/// One of the bridge's two processes (<c>dotnet &lt;dll&gt; …</c>): its output appended to a log file, its pid in a
/// file so a later run (or <c>stop</c>) can end it.
/// </summary>
internal sealed class BridgeProcess : IDisposable
{
    private readonly Process _process;

    private BridgeProcess(string name, Process process, string pidFile, string logFile)
    {
        Name = name;
        this._process = process;
        PidFile = pidFile;
        LogFile = logFile;
    }

    /// <summary>"local host" or "agent", for messages.</summary>
    public string Name { get; }

    /// <summary>Where the pid is kept while the process runs.</summary>
    public string PidFile { get; }

    /// <summary>Where its output goes.</summary>
    public string LogFile { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>
    /// Starts <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c> in <paramref name="stateDirectory"/>, its
    /// output appended to <c>logs/&lt;fileStem&gt;.log</c> by the shell, so the process outlives this one when kept.
    /// </summary>
    public static BridgeProcess Start(string name, string dll, IEnumerable<string> arguments, string stateDirectory, string fileStem)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Cannot start the {name}: {dll} does not exist; build the solution first (dotnet build GroupWriteback.sln).", dll);
        }

        var pidFile = Path.Combine(stateDirectory, fileStem + ".pid");
        StopRecorded(pidFile);
        Directory.CreateDirectory(Path.Combine(stateDirectory, "logs"));
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = stateDirectory };
        foreach (var argument in (string[])["-c", "exec \"$0\" \"$@\" >>\"$GW_PROCESS_LOG\" 2>&1", DotnetHost(), dll, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GW_PROCESS_LOG"] = LogPath(stateDirectory, fileStem);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {name} ({dll}).");
        File.WriteAllText(pidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        return new BridgeProcess(name, process, pidFile, LogPath(stateDirectory, fileStem));
    }

    /// <summary>The log file of a process started with <paramref name="fileStem"/>.</summary>
    public static string LogPath(string stateDirectory, string fileStem) => Path.Combine(stateDirectory, "logs", fileStem + ".log");

    /// <summary>Ends the process recorded in <paramref name="pidFile"/>, if it still runs (a run left with --keep).</summary>
    public static bool StopRecorded(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        File.Delete(pidFile);
        try
        {
            using var previous = Process.GetProcessById(pid);
            if (!previous.ProcessName.Contains("dotnet", StringComparison.OrdinalIgnoreCase) && !previous.ProcessName.StartsWith("groupwriteback", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            previous.Kill(entireProcessTree: true);
            previous.WaitForExit(10_000);
            return true;
        }
        catch (ArgumentException)
        {
            // Not running any more.
            return false;
        }
    }

    /// <summary>Kills the process at once, as a crash or a power cut would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        File.Delete(PidFile);
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();

    /// <summary>The dotnet host that runs this process (set by <c>dotnet run</c> and <c>dotnet test</c>), else the one on PATH.</summary>
    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
