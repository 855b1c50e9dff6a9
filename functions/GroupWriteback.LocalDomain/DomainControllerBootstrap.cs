using System.Diagnostics;
using System.DirectoryServices.Protocols;

namespace GroupWriteback.LocalDomain;

/// <summary>
/// Finds the test DC through <c>connection.json</c> (under <c>$GW_TESTDC_STATE</c>, else
/// <c>&lt;repo&gt;/.state/testdc</c>) and, when it does not answer an authenticated LDAPS bind,
/// runs <c>tests/dc/install.sh</c> and <c>tests/dc/start.sh</c> (which provisions it first if needed).
/// </summary>
internal static class DomainControllerBootstrap
{
    private const string StateVariable = "GW_TESTDC_STATE";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static DomainConnectionInfo EnsureRunning()
    {
        var repository = Repository.Root;
        var state = Environment.GetEnvironmentVariable(StateVariable) is { Length: > 0 } configured
            ? configured
            : repository is null
                ? throw new InvalidOperationException($"Cannot find the test DC: {StateVariable} is not set and no GroupWriteback.sln lies above {AppContext.BaseDirectory}.")
                : Path.Combine(repository, ".state", "testdc");
        var connectionFile = Path.Combine(state, "connection.json");
        if (File.Exists(connectionFile) && Answers(DomainConnectionInfo.Load(connectionFile), out _))
        {
            return DomainConnectionInfo.Load(connectionFile);
        }

        Start(repository, state);
        if (!File.Exists(connectionFile))
        {
            throw new InvalidOperationException($"tests/dc/start.sh finished but wrote no {connectionFile}.");
        }

        var info = DomainConnectionInfo.Load(connectionFile);
        return Answers(info, out var error)
            ? info
            : throw new InvalidOperationException($"The test DC was started but does not answer an LDAPS bind as {info.AdminDn} on {info.Server}:{info.LdapsPort}: {error}");
    }

    private static bool Answers(DomainConnectionInfo info, out string error)
    {
        try
        {
            using var connection = LdapConnections.Open(info, info.AdminDn, info.AdminPassword, ProbeTimeout);
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is LdapException or DirectoryOperationException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static void Start(string? repository, string state)
    {
        var scripts = repository is null ? null : Path.Combine(repository, "tests", "dc");
        if (scripts is null || !File.Exists(Path.Combine(scripts, "start.sh")))
        {
            throw new InvalidOperationException($"The test DC under {state} does not answer, and tests/dc/start.sh was not found to start it.");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException(
                $"The test DC under {state} does not answer and installing or starting it needs root: run the tests as root, " +
                $"or run '{Path.Combine(scripts, "install.sh")}' and '{Path.Combine(scripts, "start.sh")}' as root first.");
        }

        // Both are idempotent: install.sh returns at once when Samba is there, start.sh provisions only once.
        Run(Path.Combine(scripts, "install.sh"), state);
        Run(Path.Combine(scripts, "start.sh"), state);
    }

    private static void Run(string script, string state)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment[StateVariable] = state;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(StartTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within {StartTimeout.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed with exit code {process.ExitCode}:\n{stderr.GetAwaiter().GetResult().Trim()}");
        }
    }
}
