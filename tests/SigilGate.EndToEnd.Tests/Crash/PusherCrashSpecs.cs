using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Crash;

/// <summary>'sigil push' killed (SIGKILL) at each step: the next run pushes each change exactly once and etcd equals Git.</summary>
public class PusherCrashSpecs : CrashingRepository
{
    private const string Node = "core-1";
    private const string Up = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T10:30:00Z\",\"status\":\"up\"}";
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";
    private const string Degraded = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"degraded\"}";
    private static readonly string[] Changed = ["state/core-1/entries/e-1.yaml", "state/core-1/entries/e-10.yaml"];

    [TestCaseSource(typeof(PusherCrashPoints), nameof(PusherCrashPoints.All))]
    public async Task A_pusher_killed_mid_run_is_repaired_by_the_next_run_with_each_change_pushed_once(string point, FirstPush firstPush)
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, Node, Etcd.Endpoint);

        // The node has mirrored its area before: e-1 carries the node's version in Git.
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Up);
        var earlier = await node.PushAsync();
        earlier.ExitCode.ShouldBe(0, earlier.ToString());
        var before = await Bare.TipAsync();
        if (firstPush == FirstPush.RefusedThenRebased)
        {
            await RivalPush.StageAsync(Bare, Clone, Node, "rival: rename the network", c => c.Write("network.yaml", "name: renamed-by-a-rival\n"));
        }
        else if (firstPush == FirstPush.RefusedWithConflict)
        {
            await RivalPush.StageAsync(Bare, Clone, Node, "rival: hand edit of e-1's state", c => c.Write("state/core-1/entries/e-1.yaml", Network.State("unknown")));
        }

        // A node agent's writes: one changed record, one new one.
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-10", Degraded);

        var killed = await node.PushAsync((CrashAt, point));

        ShouldHaveBeenKilledAt(killed, point);
        if (firstPush == FirstPush.RefusedWithConflict)
        {
            Directory.Exists(Path.Combine(node.Clone.Path, ".git", "rebase-merge")).ShouldBeTrue("the crash should leave the rebase half done");
        }

        var rerun = await node.PushAsync();

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).StandardOutput.ShouldContain("status: degraded");
        foreach (var path in Changed) (await NodeCommitsTouchingAsync(before!, path)).ShouldBe(1, $"{path} should be changed by exactly one commit of {Node}");
        await Convergence.EtcdShouldHoldTheBranchTipAsync();
        if (firstPush == FirstPush.RefusedWithConflict) await Convergence.DriftShouldReportNothingBut("conflict-loser");
        else await Convergence.DriftShouldReportNothingBut();

        // Nothing is left over for a later run to push again.
        var tip = await Bare.TipAsync();
        var after = await node.PushAsync();
        after.ExitCode.ShouldBe(0, after.ToString());
        (await Bare.TipAsync()).ShouldBe(tip, after.ToString());
    }

    private async Task<int> NodeCommitsTouchingAsync(string since, string path)
    {
        var log = await Bare.GitAsync("log", "--format=%H", $"--author={Node}@sigil.invalid", $"{since}..main", "--", path);
        log.ExitCode.ShouldBe(0, log.ToString());
        return log.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
