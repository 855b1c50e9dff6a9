using System.Globalization;
using GroupWriteback.InProcessDurable;
using GroupWriteback.LocalHost.Bridge;
using GroupWriteback.LocalHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace GroupWriteback.LocalHost.Tests.Hosting;

/// <summary>
/// The local host's web app started in the test process on a free loopback port, with its own Durable Task sidecar and
/// embedded queue file, and the settings a test gives it. Nothing here needs the domain controller.
/// </summary>
internal sealed class InProcessLocalHost : IAsyncDisposable
{
    private readonly DurableSidecar _sidecar;
    private readonly WebApplication _app;

    private InProcessLocalHost(int port, DurableSidecar sidecar, WebApplication app)
    {
        Port = port;
        _sidecar = sidecar;
        _app = app;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Starts the host on <paramref name="port"/> with <paramref name="settings"/> over the defaults.</summary>
    public static async Task<InProcessLocalHost> StartAsync(int port, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sidecar = await DurableSidecar.StartAsync(concurrency: 4);
        try
        {
            var portText = port.ToString(CultureInfo.InvariantCulture);
            // The port on the command line too, so the host's own defaults (the Graph emulator's address) use it.
            var builder = LocalHostApp.CreateBuilder([$"--LocalHost:Port={portText}"], settingsFile: null);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LocalHost:Port"] = portText,
                ["Writeback:DefaultTargetOu"] = "OU=Groups,DC=corp,DC=test",
                ["EmbeddedQueue:Path"] = Path.Combine(Path.GetTempPath(), $"gw-localhost-test-{Guid.NewGuid():N}.db"),
            });
            builder.Configuration.AddInMemoryCollection(settings);
            var app = LocalHostApp.Build(builder, sidecar);
            await app.StartAsync();
            return new InProcessLocalHost(port, sidecar, app);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the host on a free port.</summary>
    public static Task<InProcessLocalHost> StartAsync(IReadOnlyDictionary<string, string?> settings) =>
        StartAsync(LoopbackPort.Free(), settings);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _sidecar.DisposeAsync();
    }
}
