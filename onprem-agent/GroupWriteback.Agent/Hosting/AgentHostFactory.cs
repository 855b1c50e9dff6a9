using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Agent.Hosting;

/// <summary>
/// Builds the agent's host: appsettings.json beside the binary, an optional settings file, then environment
/// variables carrying the product prefix (e.g. <c>GROUPWRITEBACK_Directory__Server</c>), which win. Variables
/// without the prefix are never read (but for the standard telemetry ones, <c>OTEL_*</c> and
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, which only choose where telemetry goes), so a stray <c>Directory__TargetOus__1</c> left in a machine's
/// environment cannot change the scope; and <c>Directory:TargetOus</c> is taken whole from the last source that
/// sets it instead of being merged by index.
/// </summary>
internal static class AgentHostFactory
{
    /// <summary>The prefix of the environment variables the agent reads.</summary>
    public const string EnvironmentPrefix = "GROUPWRITEBACK_";

    /// <summary>Creates a host builder with the agent's services registered.</summary>
    public static HostApplicationBuilder CreateBuilder(string? settingsFile, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (settingsFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }

        builder.Configuration.AddInMemoryCollection(AgentTelemetryRegistration.StandardVariables());
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Logs go to stderr so that command output on stdout (results JSON, verdicts) stays clean.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddWritebackAgent(builder.Configuration);
        var targetOus = LastSourceList.Read(builder.Configuration, $"{DirectoryOptions.SectionName}:{nameof(DirectoryOptions.TargetOus)}");
        if (targetOus is not null)
        {
            // Runs after binding and before validation, so the validator sees the list as the last source has it.
            builder.Services.PostConfigure<DirectoryOptions>(o => o.TargetOus = [.. targetOus]);
        }

        configure?.Invoke(builder.Services, builder.Configuration);
        return builder;
    }
}
