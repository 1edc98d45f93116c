namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>Per test: a real single-member etcd and nothing else, for specs of the store itself.</summary>
public abstract class SingleEtcd : EndToEndFixture<EtcdServer>
{
    protected EtcdServer Etcd => Parts;

    protected override Task<EtcdServer> CreateAsync() => EtcdServer.StartNewAsync();
}
