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
}
