using System.CommandLine;
using GroupWriteback.Agent.Hosting;
using GroupWriteback.Agent.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Cli;

/// <summary><c>run</c>: consume the command queue until stopped (Ctrl+C / SIGTERM).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Consume the command queue and apply each command to Active Directory.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var builder = AgentHostFactory.CreateBuilder(parse.GetValue(CliOptions.Settings), AgentTransport.Add).AddServiceHosting();
                builder.Services.AddHostedService<QueueWorker>();
                using var host = builder.Build();
                await host.RunAsync(cancellationToken);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                await output.WriteLineAsync("Configuration is invalid:\n  - " + string.Join("\n  - ", ex.Failures));
                return 2;
            }
        });
        return command;
    }
}
