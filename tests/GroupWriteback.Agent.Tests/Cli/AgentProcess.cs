using System.Collections.Concurrent;
using System.Diagnostics;

namespace GroupWriteback.Agent.Tests.Cli;

/// <summary>
/// The agent binary as a separate process (<c>dotnet groupwriteback-agent.dll …</c>): its log lines are collected
/// as they come, and it can be stopped the way a service manager stops it, with SIGTERM.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waits = new(StringComparer.Ordinal);

    private AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join('\n', _lines);

    public static AgentProcess Start(string settingsFile, params string[] args)
    {
        var agent = Path.Combine(AppContext.BaseDirectory, "groupwriteback-agent.dll");
        var start = new ProcessStartInfo("dotnet", [agent, .. args, "--settings", settingsFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return new AgentProcess(Process.Start(start) ?? throw new InvalidOperationException("the agent did not start"));
    }

    /// <summary>Completes when a log line containing <paramref name="text"/> appears (also if it already did).</summary>
    public Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var wait = _waits.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            wait.TrySetResult();
        }

        return wait.Task.WaitAsync(timeout);
    }

    /// <summary>Sends SIGTERM (what systemd and <c>docker stop</c> send) and returns how long the process took to exit.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return clock.Elapsed;
    }

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        foreach (var (text, wait) in _waits)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                wait.TrySetResult();
            }
        }
    }
}
