using System.Text.Json;
using GroupWriteback.Agent.Cli;
using GroupWriteback.Agent.Configuration;

namespace GroupWriteback.Agent.Tests.Cli;

/// <summary>Runs the agent's real command line in-process with a settings file, capturing its output.</summary>
internal sealed class AgentCli : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("gw-cli-").FullName;

    public AgentCli(DirectoryOptions directory)
    {
        SettingsFile = Path.Combine(_folder, "settings.json");
        WriteSettings(new { Directory = directory, Agent = new { AgentId = "cli-test", StateDirectory = Path.Combine(_folder, "state") } });
    }

    public string SettingsFile { get; }

    /// <summary>Replaces the settings file with any JSON-serialisable shape (to test bad settings).</summary>
    public void WriteSettings(object settings) =>
        File.WriteAllText(SettingsFile, JsonSerializer.Serialize(settings));

    /// <summary>A file in the run's temporary folder.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await AgentCommandLine.Create()
            .Parse([.. args, "--settings", SettingsFile])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
