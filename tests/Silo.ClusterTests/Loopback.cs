using System.Diagnostics;
using System.Net.Sockets;

namespace AIaaS.Silo.ClusterTests;

internal static class Loopback
{
    public static void WaitUntilListening(int port, string server, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            try
            {
                using var socket = new TcpClient("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"{server} did not listen on 127.0.0.1:{port} within {deadline.TotalSeconds:F0} s.");
    }
}
