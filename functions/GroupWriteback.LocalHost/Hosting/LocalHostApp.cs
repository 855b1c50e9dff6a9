using System.Net;
using System.Security.Cryptography;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Cloud.Orchestrations;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.LocalHost.Api;
using GroupWriteback.LocalHost.Durable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace GroupWriteback.LocalHost.Hosting;

/// <summary>
/// The cloud library in one plain process: the in-memory Durable Task hub behind its gRPC sidecar, the same
/// orchestrators and activities, the admin API and the Graph webhook on Kestrel (loopback only), the embedded
/// queue or Service Bus as configured, the Graph emulator when asked, and the timers as loops.
/// </summary>
public static class LocalHostApp
{
    /// <summary>Runs until <paramref name="cancellationToken"/> or SIGTERM/Ctrl+C.</summary>
    public static async Task RunAsync(string[] args, string? settingsFile, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settingsFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }

        var options = builder.Configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();
        AddLocalDefaults(builder.Configuration, options);

        await using var sidecar = await DurableSidecar.StartAsync(options.DurableConcurrency);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        AddServices(builder.Services, builder.Configuration, sidecar);

        await using var app = builder.Build();
        app.MapAdminApi();
        if (options.EmulateGraph)
        {
            app.MapGraphEmulator();
        }

        await app.RunAsync(cancellationToken);
    }

    /// <summary>Registers everything the host runs; <paramref name="sidecar"/> is where worker and client connect.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration, DurableSidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalHostOptions>, LocalHostOptionsValidator>();
        services.AddSingleton<IAgentHealthStore, MemoryAgentHealthStore>();
        services.AddGroupWritebackCloud(configuration);
        // ASP.NET Core's own request spans: the webhook call is then the root of a change's trace.
        services.AddCloudOpenTelemetry(configuration, host: builder => builder.WithTracing(t => t.AddSource("Microsoft.AspNetCore")));
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(sidecar.Channel);
            worker.AddTasks(registry => WritebackTasks.Register(registry));
        });
        services.AddDurableTaskClient(client => client.UseGrpc(sidecar.Channel));
        if (configuration.GetValue(LocalHostOptions.SectionName + ":" + nameof(LocalHostOptions.EmulateGraph), true))
        {
            services.AddGraphEmulator(configuration);
        }

        services.AddHostedService<ResultsDrainLoop>();
        services.AddHostedService<DeltaPollLoop>();
        services.AddHostedService<SubscriptionLoop>();
    }

    /// <summary>
    /// With the emulator on, Graph access points at it, and its change notifications come back to this host's
    /// webhook with a client state made for this run. Settings given explicitly win.
    /// </summary>
    private static void AddLocalDefaults(ConfigurationManager configuration, LocalHostOptions options)
    {
        if (!options.EmulateGraph)
        {
            return;
        }

        var root = $"http://127.0.0.1:{options.Port}";
        var defaults = new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = root + "/v1.0",
            ["Graph:UseEmulatorCredential"] = "true",
            ["Graph:NotificationUrl"] = root + "/api/graph/notifications",
            ["Graph:ClientState"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),
        };
        configuration.AddInMemoryCollection(defaults.Where(d => configuration[d.Key] is null));
    }
}
