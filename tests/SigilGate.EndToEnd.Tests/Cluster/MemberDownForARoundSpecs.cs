using System.Diagnostics;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Cluster;

/// <summary>One member of three is down for a whole round: operator push, node write, sigil push, sigil drift.</summary>
public sealed class MemberDownForARoundSpecs : ClusteredRepository
{
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";

    public enum Member
    {
        Leader,
        Follower,
    }

    [TestCase(Member.Leader)]
    [TestCase(Member.Follower)]
    public async Task The_round_goes_through_without_waiting_on_the_dead_member(Member which)
    {
        await PushBaseNetworkAsync();
        var leader = await Etcd.LeaderIndexAsync();
        var dead = which == Member.Leader ? leader : FollowerOf(leader);
        await Etcd.KillAsync(dead);
        (await Etcd.LeaderIndexAsync()).ShouldNotBe(dead);

        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        Clone.Write("nodes/entry/e-10.yaml", Network.Entry("e-10", "core-1", "10.0.0.10:443", enabled: false));
        var operatorCommit = await Clone.CommitAllAsync("operator adds e-3 and disables e-10");
        var push = await TimedAsync("operator push", () => Clone.PushAsync("alice"));
        push.ExitCode.ShouldBe(0, push.ToString());
        SigilLines(push).ShouldHaveSingleItem().ShouldStartWith($"remote: sigil: applied {operatorCommit[..7]} to etcd");

        // A record Git wrote before the operator's commit, without a version sidecar: the node's change is on top of it.
        await Etcd.EtcdctlAsync("put", Prefix + "/state/core-1/entries/e-1", Down);
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoints);
        var mirror = await TimedAsync("sigil push", () => node.PushAsync());
        mirror.ExitCode.ShouldBe(0, mirror.ToString());
        mirror.StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
        mirror.StandardError.ShouldNotContain("pending");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");

        var drift = await TimedAsync("sigil drift", () => SigilAsync("drift"));
        drift.ExitCode.ShouldBe(0, drift.ToString());

        var expected = RecordJson.BaseNetwork();
        expected[Prefix + "/nodes/entry/e-3"] = RecordJson.Entry("e-3", "core-1", "10.0.0.3:443");
        expected[Prefix + "/nodes/entry/e-10"] = RecordJson.Entry("e-10", "core-1", "10.0.0.10:443", enabled: false);
        expected[Prefix + "/state/core-1/entries/e-1"] = Down;
        ShouldHoldExactly(await DataKeysAsync(), expected);
    }

    /// <summary>
    /// Runs and logs one step. No wall-clock bound: the hooks' own start-up varies by seconds on a
    /// busy machine. A call that waited on the dead member would end in DeadlineExceeded, which the
    /// steps report as pending or exit 2, so their success is the proof that none did.
    /// </summary>
    private static async Task<ProcessResult> TimedAsync(string step, Func<Task<ProcessResult>> run)
    {
        var watch = Stopwatch.StartNew();
        var result = await run();
        await TestContext.Out.WriteLineAsync($"{step}: {watch.ElapsedMilliseconds} ms, exit {result.ExitCode}\n{result.StandardError}");
        return result;
    }
}
