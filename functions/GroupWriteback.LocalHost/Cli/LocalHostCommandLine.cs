using System.CommandLine;
using GroupWriteback.LocalHost.Bench;
using GroupWriteback.LocalHost.Chaos;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Demo;
using GroupWriteback.LocalHost.Hosting;
using Microsoft.Extensions.Options;

namespace GroupWriteback.LocalHost.Cli;

/// <summary>The local host's commands: serve, demo, bench, chaos, stop.</summary>
internal static class LocalHostCommandLine
{

    public static RootCommand Create() =>
        new("GroupWriteback local host: the cloud half in one process, with the Graph emulator, for evaluation and tests.")
        {
            Serve(),
            DemoCommand.Create(),
            BenchCommand.Create(),
            ChaosCommand.Create(),
            Stop(),
        };

    private static Command Serve()
    {
        var settings = new Option<string?>("--settings") { Description = "JSON settings file layered over appsettings.json; environment variables still override it." };
        var command = new Command("serve", "Run the cloud half: admin API, Graph webhook, workflows, and the Graph emulator unless turned off.") { settings };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await LocalHostApp.RunAsync(parse.UnmatchedTokens.ToArray(), parse.GetValue(settings), cancellationToken);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Configuration is invalid:\n  - " + string.Join("\n  - ", ex.Failures));
                return 2;
            }
        });
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    private static Command Stop()
    {
        var command = new Command("stop", "Stop the local host and the agent a demo left running (--keep).");
        command.SetAction(parse =>
        {
            var stopped = LocalBridge.StopRecorded(RepositoryLayout.State("demo"));
            parse.InvocationConfiguration.Output.WriteLine(stopped == 0 ? "Nothing was running." : $"Stopped {stopped} process(es).");
            return 0;
        });
        return command;
    }
}
