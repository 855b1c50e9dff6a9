using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GroupWriteback.LocalDomain;

/// <summary>
/// A TCP proxy on a loopback port in front of the test DC, so a test can make the DC unreachable without stopping
/// it (other tests share the DC). <see cref="Cut"/> drops every open connection and refuses new ones (each is
/// accepted and closed at once, as a DC that went away looks to a client); <see cref="Restore"/> pipes again.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    /// <summary>Starts listening in front of <paramref name="targetHost"/>:<paramref name="targetPort"/>.</summary>
    public LoopbackProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections refused since the proxy was last cut.</summary>
    public int Refused { get; private set; }

    /// <summary>Drops every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        Refused = 0;
        foreach (var client in _open.Keys)
        {
            Close(client);
        }
    }

    /// <summary>Pipes new connections to the target again.</summary>
    public void Restore() => _cut = false;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _open.Keys)
        {
            Close(client);
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // The accept loop ends by cancellation.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                Refused++;
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away (or the proxy was cut): close both.
        }
        finally
        {
            Close(client);
            Close(upstream);
        }
    }

    private void Close(TcpClient client)
    {
        _open.TryRemove(client, out _);
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        client.Dispose();
    }
}
