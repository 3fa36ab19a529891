using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;

namespace Pyxis.Client.Tests;

/// <summary>A Garnet server (Redis protocol) in-process on a free loopback port.</summary>
internal static class GarnetOnLoopback
{
    /// <summary>Starts Garnet with <paramref name="options"/> on a port nobody holds, and says which.</summary>
    public static GarnetServer Start(out int port, params string[] options)
    {
        // A port found free can be taken by a parallel test before Garnet binds it: then another one is tried.
        for (var attempt = 1; ; attempt++)
        {
            port = FreePort();
            var server = new GarnetServer(["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), .. options]);
            try
            {
                server.Start(); // throws "Could not bind … (AddressAlreadyInUse)" when the port was taken
                return server;
            }
            catch (Exception ex) when (attempt < 5 && ex.Message.Contains("AddressAlreadyInUse", StringComparison.Ordinal))
            {
                server.Dispose();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
