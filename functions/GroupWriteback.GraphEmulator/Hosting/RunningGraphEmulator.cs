using GroupWriteback.GraphEmulator.Model;

namespace GroupWriteback.GraphEmulator.Hosting;

/// <summary>An emulator started in-process by <see cref="GraphEmulatorServer.StartAsync"/>; disposing stops it.</summary>
internal sealed class RunningGraphEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningGraphEmulator(WebApplication app, Uri rootUrl)
    {
        this._app = app;
        RootUrl = rootUrl;
        Control = app.Services.GetRequiredService<GraphEmulatorControl>();
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RootUrl { get; }

    /// <summary>The v1.0 service root a Graph client is pointed at.</summary>
    public Uri BaseUrl => new(RootUrl, "v1.0");

    /// <summary>The beta service root (groups carry <c>writebackConfiguration</c> there).</summary>
    public Uri BetaUrl => new(RootUrl, "beta");

    public EmulatedTenant Tenant => Control.Tenant;

    public GraphEmulatorControl Control { get; }

    public IServiceProvider Services => _app.Services;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
