using System.CommandLine;
using GroupWriteback.Agent.Hosting;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GroupWriteback.Agent.Cli;

/// <summary>
/// <c>apply --file commands.json</c> applies commands from a file and prints the results;
/// <c>plan --file</c> does the same without writing. Exit code 0 when every command succeeded,
/// 1 when any failed, 2 when the file or settings are unusable.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(string name, bool dryRun)
    {
        var file = new Option<FileInfo>("--file") { Description = "JSON array of wire commands.", Required = true };
        var command = new Command(name, dryRun
            ? "Show what the commands in a file would change, without writing."
            : "Apply the commands in a file and print a result for each.")
        {
            file,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(CliOptions.Settings), parse.GetValue(file)!, dryRun, parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? settings, FileInfo file, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        return await CliHost.RunAsync(settings, output, async services =>
        {
            if (!file.Exists)
            {
                await output.WriteLineAsync($"Command file '{file.FullName}' does not exist.");
                return 2;
            }

            var results = await services.GetRequiredService<CommandFileRunner>().RunAsync(file.FullName, dryRun, cancellationToken);
            await output.WriteLineAsync(WireSerializer.SerializeResultList(results));
            return results.All(r => r.Succeeded) ? 0 : 1;
        });
    }
}
