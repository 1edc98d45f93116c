namespace SigilGate.Testing;

/// <summary>
/// An etcd a test starts and throws away: one member (<see cref="EtcdServer"/>), a cluster
/// (<see cref="EtcdCluster"/>), or one that demands TLS or a password. What a fixture needs of any
/// of them: where sigil.json must point, and etcdctl to look inside.
/// </summary>
public interface IEtcd : IAsyncDisposable
{
    /// <summary>What sigil.json's Etcd:Endpoints takes: one URL, or every member's, comma-separated.</summary>
    string Endpoints { get; }

    /// <summary>Runs etcdctl (with whatever this etcd demands of a client) and returns its standard output; throws when it fails.</summary>
    Task<string> EtcdctlAsync(params string[] arguments);
}
