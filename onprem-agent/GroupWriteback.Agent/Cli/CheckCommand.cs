using System.CommandLine;
using GroupWriteback.Agent.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Agent.Cli;

/// <summary><c>check</c>: prints a verdict per readiness item; exit code 0 only when all pass.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Verify the bind, the target OUs, the schema and the right to create and delete groups.");
        command.SetAction((parse, _) => CliHost.RunAsync(parse.GetValue(CliOptions.Settings), parse.InvocationConfiguration.Output, async services =>
        {
            var output = parse.InvocationConfiguration.Output;
            var items = services.GetRequiredService<ReadinessCheck>().Run();
            foreach (var item in items)
            {
                await output.WriteLineAsync($"[{(item.Passed ? " OK " : "FAIL")}] {item.Name}: {item.Detail}");
            }

            return items.All(i => i.Passed) ? 0 : 1;
        }));
        return command;
    }
}
