using SigilGate.EndToEnd.Tests.Store;

namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary>Two of three members down: the one left answers that it has no leader, and sigil says so in those words.</summary>
public sealed class NoLeaderMessageSpecs : ClusteredRepository
{
    [Test]
    public async Task A_cluster_without_its_majority_reads_as_no_leader_not_as_a_deadline()
    {
        await PushBaseNetworkAsync();
        var leader = await Etcd.LeaderIndexAsync();
        await Etcd.KillAsync(leader);
        await Etcd.KillAsync(FollowerOf(leader));

        var drift = await SigilAsync("drift");

        drift.ExitCode.ShouldBe(2, drift.ToString());
        var line = drift.StandardError.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith($"sigil: error: etcd unavailable at {Etcd.Endpoints.Replace(",", ", ", StringComparison.Ordinal)} while trying to read prefix /sigil/: no leader (is a majority of the members up?)");
        EtcdMessageSpecs.ShouldHaveNoJargon(line);
    }
}
