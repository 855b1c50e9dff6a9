using System.CommandLine;

namespace GroupWriteback.Agent.Cli;

/// <summary>The agent's commands: run, check, grant, apply, plan.</summary>
internal static class AgentCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("GroupWriteback on-premises agent: applies group writeback commands to Active Directory.")
        {
            RunCommand.Create(),
            CheckCommand.Create(),
            GrantCommand.Create(),
            ApplyCommand.Create("apply", dryRun: false),
            ApplyCommand.Create("plan", dryRun: true),
        };
        root.Options.Add(CliOptions.Settings);
        return root;
    }
}
