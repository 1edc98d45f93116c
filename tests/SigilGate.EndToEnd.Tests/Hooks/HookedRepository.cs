namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>Per test: a real single-member etcd, a bare repository with the published hooks pointed at it, and a clone to push from.</summary>
public abstract class HookedRepository : HookedRepositoryBase<EtcdServer>
{
    protected override Task<EtcdServer> StartEtcdAsync() => EtcdServer.StartNewAsync();
}
