using System.CommandLine;

namespace GroupWriteback.LocalHost.Demo;

/// <summary><c>demo [--keep] [--port n]</c>: the whole bridge on this machine, from nothing to a table of what is in AD.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "Leave the local host and the agent running; prints the admin API URL and how to stop them." };
        var port = new Option<int>("--port") { Description = "Loopback port of the admin API and the Graph emulator.", DefaultValueFactory = _ => 7071 };
        var command = new Command("demo", "Install and start a throwaway DC, grant the agent, run a full sync and live changes, show the result.") { keep, port };
        command.SetAction((parse, cancellationToken) =>
            DemoRun.ExecuteAsync(parse.GetValue(keep), parse.GetValue(port), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }
}
