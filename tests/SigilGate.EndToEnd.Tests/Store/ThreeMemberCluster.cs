namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>Per test: a real three-member etcd cluster and nothing else, for specs of the store itself.</summary>
public abstract class ThreeMemberCluster : EndToEndFixture<EtcdCluster>
{
    protected EtcdCluster Cluster => Parts;

    protected override Task<EtcdCluster> CreateAsync() => EtcdCluster.StartNewAsync(3);
}
