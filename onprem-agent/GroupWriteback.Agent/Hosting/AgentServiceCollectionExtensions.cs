using GroupWriteback.Agent.Configuration;
using GroupWriteback.Agent.Directory;
using GroupWriteback.Agent.Processing;
using GroupWriteback.Agent.Security;
using GroupWriteback.Agent.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupWriteback.Agent.Hosting;

/// <summary>Registers the agent's directory writer and command processing.</summary>
internal static class AgentServiceCollectionExtensions
{
    /// <summary>What the host allows beyond <see cref="AgentOptions.ShutdownTimeout"/> to abandon and disconnect.</summary>
    public static readonly TimeSpan HostShutdownMargin = TimeSpan.FromSeconds(5);

    /// <summary>Adds options (validated on start), the directory connection, and the processor.</summary>
    public static IServiceCollection AddWritebackAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectoryOptions>().Bind(configuration.GetSection(DirectoryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectoryOptions>, DirectoryOptionsValidator>();
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        // The host waits for the commands in hand (ShutdownTimeout), then for their abandon to settle.
        services.AddOptions<HostOptions>().Configure<IOptions<AgentOptions>>((host, agent) =>
            host.ShutdownTimeout = agent.Value.ShutdownTimeout + HostShutdownMargin);
        services.AddSingleton<IDirectoryConnectionFactory, DirectoryConnectionFactory>();
        services.AddSingleton(sp => new ScopeGuard(sp.GetRequiredService<IOptions<DirectoryOptions>>()));
        services.AddSingleton<IPermissionGranter, PermissionGranter>();
        services.AddSingleton<ReadinessCheck>();
        services.AddSingleton<WritebackContextFactory>();
        services.AddSingleton(sp => new SnapshotStore(sp.GetRequiredService<IOptions<AgentOptions>>().Value.StateDirectory));
        services.AddSingleton(sp => new CommandProcessor(
            sp.GetRequiredService<SnapshotStore>(),
            sp.GetRequiredService<IPermissionGranter>(),
            sp.GetRequiredService<IOptions<AgentOptions>>().Value.AgentId,
            sp.GetRequiredService<ILogger<CommandProcessor>>())
        {
            Telemetry = sp.GetRequiredService<AgentTelemetry>(),
            Time = sp.GetRequiredService<TimeProvider>(),
        });
        services.AddSingleton<CommandFileRunner>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentActivity>();
        services.AddSingleton<HeartbeatSender>();
        services.AddAgentTelemetry(configuration);
        return services;
    }
}
