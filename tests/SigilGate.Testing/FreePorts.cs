using System.Net.Sockets;
using System.Net;

namespace SigilGate.Testing;

/// <summary>Loopback TCP ports nobody listens on right now.</summary>
public static class FreePorts
{
    /// <summary>
    /// Asks the kernel for <paramref name="count"/> distinct free ports. The listeners are held until
    /// all are chosen, so one call never returns a port twice; another process may still take one
    /// before it is used, which callers handle by retrying with fresh ports.
    /// </summary>
    public static IReadOnlyList<int> Take(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>One free loopback port.</summary>
    public static int Take() => Take(1)[0];
}
