namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary>
/// Per test: a real three-member etcd cluster, a bare repository with the published hooks whose
/// sigil.json lists every member (Etcd:Endpoints, comma-separated), and a clone to push from.
/// </summary>
public abstract class ClusteredRepository : HookedRepositoryBase<EtcdCluster>
{
    protected override Task<EtcdCluster> StartEtcdAsync() => EtcdCluster.StartNewAsync(3);

    protected override void BaseNetworkPushed(string sha, ProcessResult push)
    {
        var applied = $"remote: sigil: applied {sha[..7]}";
        SigilLines(push).ShouldContain(l => l.StartsWith(applied, StringComparison.Ordinal), push.ToString());
    }

    /// <summary>Etcd's data keys are exactly <paramref name="expected"/>: no key missing, none extra, every value equal.</summary>
    protected static void ShouldHoldExactly(IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string> expected)
    {
        expected.Keys.Where(k => !data.ContainsKey(k)).ShouldBeEmpty("keys missing from etcd");
        data.Keys.Where(k => !expected.ContainsKey(k)).ShouldBeEmpty("keys in etcd that git does not have");
        expected.Where(e => data.TryGetValue(e.Key, out var value) && value != e.Value)
            .Select(e => $"{e.Key} = {data[e.Key]}, expected {e.Value}")
            .ShouldBeEmpty("values that differ from git's records");
    }

    /// <summary>The index of a member that is not <paramref name="leader"/>.</summary>
    protected static int FollowerOf(int leader) => (leader + 1) % 3;
}
