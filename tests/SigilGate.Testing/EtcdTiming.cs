namespace SigilGate.Testing;

/// <summary>
/// Raft timing of a test member. A lone member elects itself after one election timeout, so a short
/// one makes start-up take tens of milliseconds; a cluster keeps etcd's defaults so that two busy
/// cores do not make members miss heartbeats and change leader mid-test.
/// </summary>
internal sealed record EtcdTiming(int HeartbeatMilliseconds, int ElectionMilliseconds)
{
    public static EtcdTiming Single { get; } = new(10, 100);

    public static EtcdTiming Cluster { get; } = new(100, 1000);
}
