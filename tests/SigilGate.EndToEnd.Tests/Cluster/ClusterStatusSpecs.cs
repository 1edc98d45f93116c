namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary><c>sigil status</c> over a real three-member etcd cluster: every member and the leader.</summary>
public class ClusterStatusSpecs : ClusteredRepository
{
    [Test]
    public async Task Every_member_is_listed_and_the_leader_named()
    {
        await PushBaseNetworkAsync();
        var leader = await Etcd.LeaderIndexAsync();

        var status = await Bare.SigilAsync(["status", "--repo", Bare.Path]);

        status.ExitCode.ShouldBe(0, status.ToString());
        status.StandardOutput.Split('\n').ShouldContain($"etcd:          3 members (m0, m1, m2), leader m{leader} ({Etcd.Endpoint(leader)})");
    }

    [Test]
    public async Task With_one_member_stopped_the_other_two_still_answer()
    {
        await PushBaseNetworkAsync();
        var follower = FollowerOf(await Etcd.LeaderIndexAsync());
        await Etcd.StopAsync(follower);

        var status = await Bare.SigilAsync(["status", "--repo", Bare.Path]);

        status.ExitCode.ShouldBe(0, status.ToString());
        status.StandardOutput.ShouldContain("etcd:          3 members (m0, m1, m2), leader m");
    }

    [Test]
    public async Task Without_its_majority_the_cluster_reads_as_no_leader_and_needs_attention()
    {
        var tip = await PushBaseNetworkAsync();
        var leader = await Etcd.LeaderIndexAsync();
        await Etcd.KillAsync(leader);
        await Etcd.KillAsync(FollowerOf(leader));

        var status = await Bare.SigilAsync(["status", "--repo", Bare.Path]);

        // The member left may not yet know its leader is gone: then the read that follows says it.
        status.ExitCode.ShouldBe(1, status.ToString());
        var lines = status.StandardOutput.Split('\n');
        var branch = $"branch:        main at {tip[..7]}";
        lines.ShouldContain(l => l.StartsWith(branch, StringComparison.Ordinal), status.ToString());
        lines.ShouldContain(l => l.StartsWith("etcd:", StringComparison.Ordinal) && l.Contains("no leader (is a majority of the members up?)", StringComparison.Ordinal), status.ToString());
    }
}
