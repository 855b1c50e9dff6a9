using System.Net;
using System.Net.Sockets;

namespace GroupWriteback.LocalHost.Bridge;

/// <summary>A loopback port nothing listens on right now.</summary>
internal static class LoopbackPort
{
    /// <summary>Asks the system for a free port and releases it for the caller to bind.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
