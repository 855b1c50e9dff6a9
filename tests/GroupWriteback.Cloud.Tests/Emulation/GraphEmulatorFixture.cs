using GroupWriteback.Cloud.Graph;
using GroupWriteback.Cloud.Graph.Notifications;
using GroupWriteback.GraphEmulator.Hosting;
using GroupWriteback.GraphEmulator.Model;
using GroupWriteback.GraphEmulator.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GroupWriteback.Cloud.Tests.Emulation;

/// <summary>
/// A Graph emulator on a free loopback port, plus the cloud's Graph access wired to it through the real
/// <see cref="GraphServiceCollectionExtensions.AddGraphAccess"/>. Change <see cref="Tenant"/> directly, inject
/// faults through <see cref="Control"/>, read what was called from <see cref="Requests"/>.
/// </summary>
public sealed class GraphEmulatorFixture : IAsyncDisposable
{
    private readonly RunningGraphEmulator _emulator;
    private readonly List<ServiceProvider> _providers = [];

    private GraphEmulatorFixture(RunningGraphEmulator emulator) => this._emulator = emulator;

    /// <summary>The v1.0 service root, e.g. <c>http://127.0.0.1:41234/v1.0</c>.</summary>
    public Uri BaseUrl => _emulator.BaseUrl;

    public Uri RootUrl => _emulator.RootUrl;

    public EmulatedTenant Tenant => _emulator.Tenant;

    internal GraphEmulatorControl Control => _emulator.Control;

    internal RequestLog Requests => _emulator.Control.Requests;

    /// <summary>Starts an emulator serving <paramref name="tenant"/> (a new empty tenant when null).</summary>
    public static async Task<GraphEmulatorFixture> StartAsync(EmulatedTenant? tenant = null, Action<GraphEmulatorOptions>? configure = null) =>
        new(await GraphEmulatorServer.StartAsync(tenant ?? new EmulatedTenant(), configure));

    /// <summary>
    /// The <c>Graph</c> configuration section pointing at the emulator with the emulator credential;
    /// <paramref name="settings"/> adds or overrides keys such as <c>Graph:MaxRetries</c>.
    /// </summary>
    public IConfiguration GraphConfiguration(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Graph:BaseUrl"] = BaseUrl.ToString(),
            ["Graph:UseEmulatorCredential"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>
    /// Services with logging and <c>AddGraphAccess</c> against the emulator; disposed with the fixture. Unless
    /// <paramref name="configure"/> registers one, the <see cref="IDeltaSignal"/> is a <see cref="RecordingDeltaSignal"/>.
    /// </summary>
    public ServiceProvider CreateServices(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddGraphAccess(GraphConfiguration(settings));
        configure?.Invoke(services);
        services.TryAddSingleton<RecordingDeltaSignal>();
        services.TryAddSingleton<IDeltaSignal>(sp => sp.GetRequiredService<RecordingDeltaSignal>());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _providers.Add(provider);
        return provider;
    }

    /// <summary>The cloud's <see cref="IGraphGroupReader"/> against the emulator.</summary>
    public IGraphGroupReader CreateReader(IReadOnlyDictionary<string, string?>? settings = null) =>
        CreateServices(settings).GetRequiredService<IGraphGroupReader>();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _emulator.DisposeAsync();
    }
}
