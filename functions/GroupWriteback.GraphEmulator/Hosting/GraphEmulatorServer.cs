using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>Builds the emulator as its own web application: standalone (<c>Program</c>) or started in-process.</summary>
internal static class GraphEmulatorServer
{
    /// <summary>Where the standalone emulator listens unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The standalone application: <c>--tenant &lt;file&gt;</c>, <c>--urls</c>, and the <c>GraphEmulator</c> configuration section.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--tenant"] = $"{GraphEmulatorOptions.SectionName}:{nameof(GraphEmulatorOptions.TenantFile)}",
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddGraphEmulator(builder.Configuration);
        var app = builder.Build();
        app.MapGraphEmulator();
        var tenant = app.Services.GetRequiredService<EmulatedTenant>();
        var (users, groups) = (tenant.ListUsers().Count, tenant.ListGroups().Count);
        Log.TenantLoaded(app.Logger, tenant.TenantId, users, groups);
        return app;
    }

    /// <summary>Starts an emulator serving <paramref name="tenant"/> (a new empty one when null) on a free loopback port.</summary>
    public static async Task<RunningGraphEmulator> StartAsync(
        EmulatedTenant? tenant = null, Action<GraphEmulatorOptions>? configure = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGraphEmulator(configure, tenant ?? new EmulatedTenant());
        var app = builder.Build();
        app.MapGraphEmulator();
        await app.StartAsync(ct);
        return new RunningGraphEmulator(app, new Uri(app.Urls.First()));
    }
}
