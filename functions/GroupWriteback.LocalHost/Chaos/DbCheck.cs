using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GroupWriteback.LocalHost.Chaos;

/// <summary><c>samba-tool dbcheck</c> over one subtree of the test DC: its own verdict on the objects a run wrote.</summary>
internal static partial class DbCheck
{
    /// <summary>Runs it; returns the objects checked and the errors found, or null with why it could not run.</summary>
    public static async Task<(int Objects, int Errors)?> RunAsync(string stateDirectory, string baseDn, TextWriter output, CancellationToken cancellationToken)
    {
        var smbConf = Path.Combine(stateDirectory, "dc", "etc", "smb.conf");
        if (!File.Exists(smbConf))
        {
            output.WriteLine($"  dbcheck not run: no {smbConf}");
            return null;
        }

        var start = new ProcessStartInfo("samba-tool") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["dbcheck", baseDn, "--scope=SUB", "-s", smbConf])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start samba-tool.");
        var text = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var all = await text + await error;
        var match = Verdict().Match(all);
        if (!match.Success)
        {
            output.WriteLine($"  dbcheck gave no verdict (exit {process.ExitCode}): {all.Trim()}");
            return null;
        }

        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Checked (\d+) objects \((\d+) errors\)")]
    private static partial Regex Verdict();
}
