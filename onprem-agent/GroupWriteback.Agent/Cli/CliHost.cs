using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Hosting;
using GroupWriteback.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Cli;

/// <summary>Runs a one-shot command with the agent's services, turning setup errors into clear messages.</summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(
        string? settings,
        TextWriter output,
        Func<IServiceProvider, Task<int>> body,
        Action<IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration>? configure = null)
    {
        try
        {
            using var host = AgentHostFactory.CreateBuilder(settings, configure).Build();
            ValidateOptions(host.Services);
            return await body(host.Services);
        }
        catch (OptionsValidationException ex)
        {
            await output.WriteLineAsync("Configuration is invalid:");
            foreach (var failure in ex.Failures)
            {
                await output.WriteLineAsync("  - " + failure);
            }

            return 2;
        }
        catch (Exception ex) when (ex is DirectoryUnavailableException or WireFormatException or DirectoryWriteException or FileNotFoundException or InvalidDataException)
        {
            await output.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    /// <summary>One-shot commands do not start the host, so validation is triggered here.</summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        foreach (var validator in services.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }
}
