using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Hosting;

/// <summary>
/// Builds the agent's host: appsettings.json beside the binary, an optional settings file, then
/// environment variables (e.g. <c>Directory__Server</c>), which win.
/// </summary>
public static class AgentHostFactory
{
    /// <summary>Creates a host builder with the agent's services registered.</summary>
    public static HostApplicationBuilder CreateBuilder(string? settingsFile, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (settingsFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Logs go to stderr so that command output on stdout (results JSON, verdicts) stays clean.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddWritebackAgent(builder.Configuration);
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder;
    }
}
