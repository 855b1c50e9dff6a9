using System.Net;
using System.Security.Cryptography;
using GroupWriteback.Cloud.Agents;
using GroupWriteback.Cloud.Api;
using GroupWriteback.Cloud.Api.Access;
using GroupWriteback.Cloud.Audit;
using GroupWriteback.Cloud.Hosting;
using GroupWriteback.Cloud.Telemetry;
using GroupWriteback.Cloud.Workflows;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.InProcessDurable;
using GroupWriteback.LocalHost.Api;
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
internal static class LocalHostApp
{
    /// <summary>Runs until <paramref name="cancellationToken"/> or SIGTERM/Ctrl+C.</summary>
    public static async Task RunAsync(string[] args, string? settingsFile, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(args, settingsFile);
        var options = ReadOptions(builder.Configuration);
        await using var sidecar = await DurableSidecar.StartAsync(options.DurableConcurrency);
        await using var app = Build(builder, sidecar);
        await app.RunAsync(cancellationToken);
    }

    /// <summary>The host's builder with its configuration: appsettings.json, <paramref name="settingsFile"/>, then the local defaults.</summary>
    internal static WebApplicationBuilder CreateBuilder(string[] args, string? settingsFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settingsFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }

        AddLocalDefaults(builder.Configuration, ReadOptions(builder.Configuration));
        return builder;
    }

    /// <summary>Registers the services, listens on the loopback port and maps the admin API (and the emulator when asked).</summary>
    internal static WebApplication Build(WebApplicationBuilder builder, DurableSidecar sidecar)
    {
        var options = ReadOptions(builder.Configuration);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        AddServices(builder.Services, builder.Configuration, sidecar);
        var app = builder.Build();
        app.MapAdminApi();
        app.MapConsole();
        if (options.EmulateGraph)
        {
            app.MapGraphEmulator();
        }

        return app;
    }

    /// <summary>Registers everything the host runs; <paramref name="sidecar"/> is where worker and client connect.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration, DurableSidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalHostOptions>, LocalHostOptionsValidator>();
        services.AddSingleton<IAgentHealthStore, MemoryAgentHealthStore>();
        services.AddSqliteAuditStore();
        // Without Audit:Path, the audit trail is audit.db beside the embedded queue's file.
        services.AddOptions<AuditOptions>().PostConfigure<IConfiguration>((audit, settings) =>
            audit.Path ??= settings["EmbeddedQueue:Path"] is { Length: > 0 } queue ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(queue))!, "audit.db") : null);
        services.AddGroupWritebackCloud(configuration);
        // The admin key, or an Entra ID token when AdminAuth:Entra:* is set: the same gate as the Functions app's.
        services.AddAdminSignIn(LocalHostOptions.DefaultKeyName, sp =>
            new AdminKeys(sp.GetRequiredService<IOptions<LocalHostOptions>>().Value.ApiKey is { Length: > 0 } key ? [key] : [], $"{LocalHostOptions.SectionName}:{nameof(LocalHostOptions.ApiKey)}"));
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
        services.AddHostedService<AuditPruneLoop>();
    }

    private static LocalHostOptions ReadOptions(ConfigurationManager configuration) =>
        configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();

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
