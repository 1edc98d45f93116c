using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Apply;

/// <summary>
/// Pushes of ordinary Git histories (merges either way round, reverts, several commits at once)
/// are applied as what the gate validated: etcd goes from what it held to the new tip, and a value
/// that loses is kept, never dropped.
/// </summary>
public class HistoryShapeSpecs : HookedRepository
{
    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-12-06T10:00:00Z\",\"status\":\"down\"}";

    private async Task<NodeClone> MirrorDownAsync()
    {
        var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        var run = await node.PushAsync();
        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        return node;
    }

    [Test]
    public async Task A_plain_git_pull_merge_of_an_old_commit_keeps_what_main_gained_meanwhile()
    {
        await PushBaseNetworkAsync();
        // The operator commits on the old main...
        Clone.Write("nodes/entry/e-10.yaml", Network.Entry("e-10", "core-1", "10.0.0.10:8443"));
        await Clone.CommitAllAsync("e-10 moves to 8443");
        // ...while main gains the node's mirrored state and another operator's edit.
        using var node = await MirrorDownAsync();
        using (var other = await Clone.OfAsync(Bare))
        {
            other.Write("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-2", "10.0.0.2:9443"));
            await other.CommitAllAsync("e-2 moves to 9443");
            (await other.PushAsync("alice")).ExitCode.ShouldBe(0);
        }

        // A plain 'git pull' (a merge whose first parent is the operator's commit), then push.
        (await Clone.GitAsync("pull", "--no-rebase", "--no-edit", "origin", "main")).ExitCode.ShouldBe(0);
        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        var keys = await DataKeysAsync();
        keys["/sigil/state/core-1/entries/e-1"].ShouldBe(Down, "the merge put the node's state back to its old value");
        keys["/sigil/nodes/entry/e-2"].ShouldContain("10.0.0.2:9443", Case.Sensitive, "the merge undid the other operator's edit");
        keys["/sigil/nodes/entry/e-10"].ShouldContain("10.0.0.10:8443");
        var again = await node.PushAsync();
        again.ExitCode.ShouldBe(0, again.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [Test]
    public async Task Commits_that_are_only_valid_together_never_put_the_invalid_first_one_into_etcd()
    {
        await PushBaseNetworkAsync();
        var before = await EtcdRevisionAsync();
        // First commit: an Entry on a Core that does not exist yet; second: the Core.
        Clone.Write("nodes/entry/e-30.yaml", Network.Entry("e-30", "core-3", "10.0.0.30:443"));
        await Clone.CommitAllAsync("e-30 on core-3");
        Clone.Write("nodes/core/core-3.yaml", Network.Core("core-3", "10.0.1.3:7000"));
        await Clone.CommitAllAsync("core-3");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        // Every revision since: no moment when e-30 existed without core-3.
        var puts = await PutRevisionsAsync(before + 1);
        puts["/sigil/nodes/entry/e-30"].ShouldBeGreaterThanOrEqualTo(puts["/sigil/nodes/core/core-3"]);
    }

    [Test]
    public async Task A_revert_of_a_nodes_mirror_commit_reaches_etcd_and_the_node_does_not_undo_it()
    {
        await PushBaseNetworkAsync();
        using var node = await MirrorDownAsync();
        // A second mirror: the record and its version sidecar both change again.
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down.Replace("down", "degraded", StringComparison.Ordinal));
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        (await Clone.GitAsync("pull", "--quiet", "origin", "main")).ExitCode.ShouldBe(0);
        var mirror = (await Clone.GitAsync("log", "-1", "--format=%H", "--grep=Sigil-Node: core-1")).StandardOutput.Trim();

        // The revert restores the first mirror's value and its sidecar, whose version is older.
        (await Clone.GitAsync("revert", "--no-edit", mirror)).ExitCode.ShouldBe(0);
        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldBe(0, push.ToString());
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"].ShouldBe(Down);
        File.Delete(Path.Combine(node.Clone.Path, ".git", "sigil-push.json"));
        var resync = await node.PushAsync();
        resync.ExitCode.ShouldBe(0, resync.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"].ShouldBe(Down);
    }

    [Test]
    public async Task Several_edits_of_one_record_in_one_second_over_an_unmirrored_node_write_end_kept_or_applied()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        var statuses = new[] { "degraded", "unknown", "up" };
        foreach (var status in statuses)
        {
            Clone.Write("state/core-1/entries/e-1.yaml", Network.State(status).Replace("10:00:00Z", "10:00:0" + Array.IndexOf(statuses, status) + "Z", StringComparison.Ordinal));
            await CommitInTheSameSecondAsync(Clone, "hand edit: " + status);
        }

        var push = await Clone.PushAsync("root");

        push.ExitCode.ShouldBe(0, push.ToString());
        var keys = await EtcdKeysAsync();
        var state = keys["/sigil/state/core-1/entries/e-1"];
        var kept = keys.Where(k => k.Key.StartsWith("/sigil/.sigil/conflicts/state/core-1/entries/e-1/", StringComparison.Ordinal)).Select(k => k.Value).ToList();
        // The tip's edit and the node's write are both somewhere: one applied, the other kept.
        var all = string.Join("\n", [state, .. kept]);
        all.ShouldContain("2026-11-23T10:00:02Z", Case.Sensitive, all);
        all.ShouldContain("\"status\":\"down\"", Case.Sensitive, all);
        all.ShouldNotContain("2026-11-23T10:00:00Z", Case.Sensitive, "an intermediate commit's value reached etcd: " + all);
        all.ShouldNotContain("2026-11-23T10:00:01Z", Case.Sensitive, "an intermediate commit's value reached etcd: " + all);
    }

    [Test]
    public async Task Two_edits_of_one_record_in_one_second_pushed_one_by_one_over_an_unmirrored_node_write_are_each_applied_or_kept()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        var pushes = new List<string>();
        foreach (var status in new[] { "degraded", "unknown" })
        {
            Clone.Write("state/core-1/entries/e-1.yaml", Network.State(status));
            await CommitInTheSameSecondAsync(Clone, "hand edit: " + status);
            var push = await Clone.PushAsync("root");
            push.ExitCode.ShouldBe(0, push.ToString());
            pushes.Add(push.StandardError);
        }

        var keys = await EtcdKeysAsync();
        var all = string.Join("\n", keys.Where(k => k.Key.StartsWith("/sigil/state/core-1/entries/e-1", StringComparison.Ordinal) || k.Key.StartsWith("/sigil/.sigil/conflicts/state/core-1/entries/e-1/", StringComparison.Ordinal)).Select(k => k.Value));
        all.ShouldContain("\"status\":\"down\"", Case.Sensitive, all + "\n" + string.Join("\n", pushes));
        all.ShouldContain("degraded", Case.Sensitive, all + "\n" + string.Join("\n", pushes));
        all.ShouldContain("unknown", Case.Sensitive, all + "\n" + string.Join("\n", pushes));
    }

    private async Task<Dictionary<string, long>> PutRevisionsAsync(long from)
    {
        var nodes = await Etcd.GetAsync("--prefix", "/sigil/nodes/");
        return nodes.Kvs.Where(kv => kv.CreateRevision >= from).ToDictionary(kv => kv.Key, kv => kv.CreateRevision, StringComparer.Ordinal);
    }
}
