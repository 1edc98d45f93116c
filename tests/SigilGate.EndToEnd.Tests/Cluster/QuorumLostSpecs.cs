using SigilGate.EndToEnd.Tests.Store;

namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary>Two of three members down: etcd cannot commit, Git keeps taking pushes, and nothing is lost.</summary>
public sealed class QuorumLostSpecs : ClusteredRepository
{
    [Test]
    public async Task Pushes_are_accepted_and_kept_pending_and_sigil_apply_catches_up_once_the_members_are_back()
    {
        var (leader, follower) = await LoseTheMajorityAsync();

        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var first = await Clone.CommitAllAsync("add e-3 while etcd has no quorum");
        await PushedButPendingAsync(first);
        Clone.Write("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-2", "10.0.0.4:443"));
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:8443"));
        Clone.Delete("nodes/entry/e-10.yaml");
        var second = await Clone.CommitAllAsync("add e-4, move e-1, remove e-10 while etcd has no quorum");
        await PushedButPendingAsync(second);

        var stuck = await SigilAsync("apply");
        stuck.ExitCode.ShouldBe(2, stuck.ToString());
        var stuckLine = stuck.StandardError.Trim().Split('\n').ShouldHaveSingleItem();
        stuckLine.ShouldStartWith("sigil: error: etcd ");
        stuckLine.ShouldContain("no leader (is a majority of the members up?)");

        await Etcd.StartAsync(leader);
        await Etcd.StartAsync(follower);
        var apply = await SigilAsync("apply");

        apply.ExitCode.ShouldBe(0, apply.ToString());
        // Both pending pushes in one step, from what etcd held to the tip.
        apply.StandardError.ShouldNotContain($"sigil: applied {first[..7]} to etcd");
        apply.StandardError.ShouldContain($"sigil: applied {second[..7]} to etcd");
        var expected = RecordJson.BaseNetwork();
        expected[Prefix + "/nodes/entry/e-3"] = RecordJson.Entry("e-3", "core-1", "10.0.0.3:443");
        expected[Prefix + "/nodes/entry/e-4"] = RecordJson.Entry("e-4", "core-2", "10.0.0.4:443");
        expected[Prefix + "/nodes/entry/e-1"] = RecordJson.Entry("e-1", "core-1", "10.0.0.1:8443");
        expected.Remove(Prefix + "/nodes/entry/e-10");
        ShouldHoldExactly(await DataKeysAsync(), expected);
        var note = await Bare.GitAsync("notes", "--ref=sigil", "show", second);
        note.ExitCode.ShouldBe(0, $"no apply receipt on {second[..7]}: {note}");

        (await SigilAsync("drift")).ExitCode.ShouldBe(0);
    }

    [Test]
    public async Task A_cluster_without_its_majority_reads_as_no_leader_not_as_a_deadline()
    {
        await LoseTheMajorityAsync();

        var drift = await SigilAsync("drift");

        drift.ExitCode.ShouldBe(2, drift.ToString());
        var line = drift.StandardError.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith($"sigil: error: etcd unavailable at {Etcd.Endpoints.Replace(",", ", ", StringComparison.Ordinal)} while trying to read prefix /sigil/: no leader (is a majority of the members up?)");
        EtcdMessageSpecs.ShouldHaveNoJargon(line);
    }

    /// <summary>The base network pushed, then the leader and a follower killed; returns the two.</summary>
    private async Task<(int Leader, int Follower)> LoseTheMajorityAsync()
    {
        await PushBaseNetworkAsync();
        var leader = await Etcd.LeaderIndexAsync();
        var follower = FollowerOf(leader);
        await Etcd.KillAsync(leader);
        await Etcd.KillAsync(follower);
        return (leader, follower);
    }

    /// <summary>The push goes in; post-receive says in one line that the apply is pending.</summary>
    private async Task PushedButPendingAsync(string commit)
    {
        var push = await Clone.PushAsync("alice");
        await TestContext.Out.WriteLineAsync(push.StandardError);

        push.ExitCode.ShouldBe(0, push.ToString());
        (await Bare.TipAsync()).ShouldBe(commit);
        var line = SigilLines(push).ShouldHaveSingleItem();
        line.ShouldContain($"apply of {commit[..7]} is pending");
    }
}
