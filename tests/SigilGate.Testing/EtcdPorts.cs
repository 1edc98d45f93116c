namespace SigilGate.Testing;

/// <summary>The three loopback ports of one member: clients, peers, and plain-HTTP health and metrics.</summary>
internal sealed record EtcdPorts(int Client, int Peer, int Metrics)
{
    public static IReadOnlyList<EtcdPorts> Take(int members)
    {
        var ports = FreePorts.Take(members * 3);
        return Enumerable.Range(0, members).Select(i => new EtcdPorts(ports[i * 3], ports[(i * 3) + 1], ports[(i * 3) + 2])).ToList();
    }
}
