using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.EndToEnd.Tests.Pusher;

/// <summary>sigil push on a Core node: etcd → Git, through a real bare repository with the hooks installed.</summary>
public class PusherSpecs : HookedRepository
{
    // Staged or unstaged changes and untracked files, as 'git status' lists them (the pusher's own files are ignored by git).
    private static async Task<string> CleanStatusAsync(NodeClone node) =>
        (await node.Clone.GitAsync("status", "--porcelain", "--untracked-files=all")).StandardOutput.Trim();

    private const string Down = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"status\":\"down\"}";

    [Test]
    public async Task A_raw_etcdctl_write_is_mirrored_into_git_with_the_nodes_version()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        var written = await Etcd.ModRevisionAsync("/sigil/state/core-1/entries/e-1");

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of("pushed 1 record"));
        var file = await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml");
        file.StandardOutput.ShouldContain("status: down");
        var sidecar = await Bare.GitAsync("show", "main:.sigil/versions/state/core-1/entries/e-1.yaml");
        // The node's counter is the raw write's mod revision (the post-receive rewrote the data key since).
        sidecar.StandardOutput.ShouldContain($"core-1: {written}");
        var message = await Bare.GitAsync("log", "-1", "--format=%B", "main");
        message.StandardOutput.ShouldContain("state/core-1/entries/e-1.yaml");
        message.StandardOutput.ShouldContain("Sigil-Node: core-1");
        message.StandardOutput.ShouldContain("Sigil-Etcd-Revision: ");
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"].ShouldBe(Down);
    }

    [Test]
    public async Task A_node_change_to_a_record_git_wrote_long_before_the_tip_is_no_conflict()
    {
        // The base's state record has no version sidecar in Git; the tip is a later, unrelated commit.
        await PushBaseNetworkAsync();
        Clone.Write("network.yaml", "name: test-net\nsync_interval: 45s\n");
        var later = $"@{DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds()} +0000";
        (await Clone.GitAsync("add", "-A")).ExitCode.ShouldBe(0);
        var commit = await Processes.RunAsync("git", ["commit", "--quiet", "-m", "unrelated"], Clone.Path, Clone.Environment.With(("GIT_COMMITTER_DATE", later), ("GIT_AUTHOR_DATE", later)));
        commit.ExitCode.ShouldBe(0, commit.ToString());
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldNotContain("conflict", Case.Insensitive, run.ToString());
        (await Bare.GitAsync("ls-tree", "-r", "--name-only", "main")).StandardOutput.ShouldNotContain(".sigil/conflicts/");
        (await EtcdKeysAsync()).Keys.ShouldNotContain(k => k.StartsWith("/sigil/.sigil/conflicts/", StringComparison.Ordinal));
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [Test]
    public async Task A_run_that_decides_again_after_a_refused_push_mirrors_what_the_agent_wrote_meanwhile()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        const string degraded = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T12:00:00Z\",\"status\":\"degraded\"}";

        // A rival hand edit of e-1 lands first, so the rebase stops and the run decides again; the agent writes e-10 meanwhile.
        await Crash.RivalPush.StageAsync(Bare, Clone, "core-1", "rival: hand edit of e-1's state", c => c.Write("state/core-1/entries/e-1.yaml", Network.State("unknown")),
            meanwhile: $"ETCDCTL_API=3 etcdctl --endpoints={Etcd.Endpoint} put /sigil/state/core-1/entries/e-10 '{degraded}' >/dev/null");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain("a rival push landed first");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).StandardOutput.ShouldContain("status: degraded", Case.Sensitive, run.ToString());
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-10"].ShouldBe(degraded);
    }

    [Test]
    public async Task A_new_record_written_in_etcd_appears_in_git()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-10", Down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());

        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [Test]
    public async Task An_idle_run_makes_no_commit()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        var tip = await Bare.TipAsync();

        var idle = await node.PushAsync();

        idle.ExitCode.ShouldBe(0, idle.ToString());
        idle.StandardError.ShouldContain("nothing changed in etcd since the last run");
        (await Bare.TipAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_node_that_is_not_a_core_node_of_the_network_is_an_error_on_its_first_run()
    {
        var tip = await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-9", Etcd.Endpoint);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(2, run.ToString());
        run.StandardError.ShouldContain($"sigil push core-9: error: core-9 is not a Core node of the network: there is no nodes/core/core-9.yaml at the tip of the clone ({tip[..7]}); check --node, or add the node's file first");
        run.StandardError.ShouldNotContain("nothing changed");
        (await Bare.TipAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_bad_key_is_reported_while_it_is_there_and_the_run_after_its_deletion_is_clean()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/x", "{}");
        var reported = await node.PushAsync();
        reported.ExitCode.ShouldBe(1, reported.ToString());
        reported.StandardError.ShouldContain("error: /sigil/state/core-1/x: not a record key of node core-1");
        await Etcd.EtcdctlAsync("del", "/sigil/state/core-1/x");

        var after = await node.PushAsync();

        after.ExitCode.ShouldBe(0, after.ToString());
        after.StandardError.ShouldNotContain("error:");
    }

    [Test]
    public async Task A_first_run_with_nothing_to_mirror_pushes_nothing()
    {
        var tip = await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.TipAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_poison_record_is_reported_and_the_others_still_go_through()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-10", "{\"status\":\"sideways\",\"last_seen\":\"2026-11-23T11:00:00Z\",\"grpc_path\":\"/x\"}");
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of("error: state/core-1/entries/e-10.yaml"));
        run.StandardError.ShouldContain("'status' must be one of up, down, degraded, unknown, got 'sideways'");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).ExitCode.ShouldNotBe(0);
    }

    [Test]
    public async Task A_state_record_for_an_entry_of_another_core_is_not_pushed()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-2", Down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardError.ShouldContain(PushLines.Of("error: state/core-1/entries/e-2.yaml: entry 'e-2' belongs to core 'core-2'"));
    }

    [Test]
    public async Task A_node_whose_clone_is_behind_catches_up_and_pushes()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        await Clone.CommitAllAsync("operator adds e-3");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-3", Down);

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-3.yaml")).StandardOutput.ShouldContain("status: down");
        (await Bare.GitAsync("show", "main:nodes/entry/e-3.yaml")).ExitCode.ShouldBe(0);
    }

    [Test]
    public async Task A_deletion_in_etcd_is_mirrored()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("del", "/sigil/state/core-1/entries/e-1");

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).ExitCode.ShouldNotBe(0);
        (await DataKeysAsync()).Keys.ShouldNotContain("/sigil/state/core-1/entries/e-1");
    }

    [Test]
    public async Task After_each_push_the_nodes_clone_is_clean_at_the_remote_tip()
    {
        // The pusher commits without 'git add' (fast-import, then the index learns the blobs by id):
        // index, work tree and HEAD must still agree, after a new record, a deletion and a rewrite.
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-10", Down);
        await Etcd.EtcdctlAsync("del", "/sigil/state/core-1/entries/e-1");
        var first = await node.PushAsync();
        var afterFirst = await CleanStatusAsync(node);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-10", Down.Replace("down", "degraded", StringComparison.Ordinal));
        var second = await node.PushAsync();

        first.ExitCode.ShouldBe(0, first.ToString());
        second.ExitCode.ShouldBe(0, second.ToString());
        afterFirst.ShouldBeEmpty();
        (await CleanStatusAsync(node)).ShouldBeEmpty();
        (await node.Clone.GitAsync("rev-parse", "HEAD")).StandardOutput.ShouldBe((await Bare.GitAsync("rev-parse", "main")).StandardOutput);
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).StandardOutput.ShouldContain("status: degraded");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).ExitCode.ShouldNotBe(0);
        (await Bare.GitAsync("fsck", "--no-dangling")).ExitCode.ShouldBe(0);
        (await node.Clone.GitAsync("fsck", "--no-dangling")).ExitCode.ShouldBe(0);
    }

    [Test]
    public async Task Changes_after_idle_runs_that_only_counted_the_area_are_all_mirrored()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-10", Down);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).ExitCode.ShouldBe(0);
        for (var i = 0; i < 3; i++) (await node.PushAsync()).StandardError.ShouldContain("nothing changed in etcd since the last run");

        // A rewrite of one record and the deletion of another: the count alone would not see the pair.
        const string degraded = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T12:00:00Z\",\"status\":\"degraded\"}";
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", degraded);
        await Etcd.EtcdctlAsync("del", "/sigil/state/core-1/entries/e-10");
        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: degraded", Case.Sensitive, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).ExitCode.ShouldNotBe(0, run.ToString());
        await Etcd.EtcdctlAsync("del", "/sigil/state/core-1/entries/e-1");
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).ExitCode.ShouldNotBe(0);
    }

    [Test]
    public async Task A_deletion_in_etcd_after_a_run_that_remembered_the_key_is_mirrored()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("del", "/sigil/state/core-1/entries/e-1");

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.StandardError.ShouldContain("deleted state/core-1/entries/e-1.yaml", Case.Sensitive, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).ExitCode.ShouldNotBe(0);
        (await DataKeysAsync()).Keys.ShouldNotContain("/sigil/state/core-1/entries/e-1");
        (await node.PushAsync()).StandardError.ShouldContain("nothing changed in etcd since the last run");
    }

    [Test]
    public async Task A_commit_left_unpushed_by_a_crash_is_replaced_by_the_next_run_with_nothing_lost_or_doubled()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        // What a run killed between commit and push leaves: a local commit the remote never saw.
        node.Clone.Write("state/core-1/entries/e-1.yaml", "status: down\nlast_seen: 2026-11-23T11:00:00Z\ngrpc_path: /sigil.Entry/Report\n");
        await node.Clone.CommitAllAsync("half-done mirror");
        var before = await Bare.TipAsync();

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        var log = await Bare.GitAsync("log", "--format=%s", $"{before}..main");
        log.StandardOutput.Trim().Split('\n').Length.ShouldBe(1, log.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [Test]
    public async Task A_run_that_lost_its_memory_after_pushing_pushes_nothing_twice()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        var tip = await Bare.TipAsync();
        // A crash after the push, before the run recorded what it saw.
        File.Delete(Path.Combine(node.Clone.Path, ".git", "sigil-push.json"));

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.TipAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task Compaction_past_the_pushers_revision_still_mirrors_every_change()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-10", Down);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down.Replace("down", "degraded", StringComparison.Ordinal));
        var revision = await EtcdRevisionAsync();
        await Etcd.EtcdctlAsync("compact", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).StandardOutput.ShouldContain("status: degraded");
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-10.yaml")).StandardOutput.ShouldContain("status: down");
    }

    [Test]
    public async Task A_deletion_behind_a_compaction_past_the_pushers_revision_is_still_mirrored()
    {
        // The run cannot list the area as it was at its last revision: it reads the whole area again.
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        (await node.PushAsync()).ExitCode.ShouldBe(0);

        // An idle run moves the pusher's revision past the push's own writes.
        (await node.PushAsync()).StandardError.ShouldContain("nothing changed in etcd since the last run");
        await Etcd.EtcdctlAsync("del", "/sigil/state/core-1/entries/e-1");
        var revision = await EtcdRevisionAsync();
        await Etcd.EtcdctlAsync("compact", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var run = await node.PushAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        (await Bare.GitAsync("show", "main:state/core-1/entries/e-1.yaml")).ExitCode.ShouldNotBe(0, run.ToString());
        (await node.PushAsync()).StandardError.ShouldContain("nothing changed in etcd since the last run");
    }

    [Test]
    public async Task A_stale_node_push_is_rejected_naming_the_record_both_vectors_and_the_way_out()
    {
        await PushBaseNetworkAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", Down);
        (await node.PushAsync()).ExitCode.ShouldBe(0);
        using var stale = await Clone.OfAsync(Bare);

        // The operator changes the record after the node's clone was taken.
        await Clone.GitAsync("pull", "--quiet", "--rebase", "origin", "main");
        Clone.Write("state/core-1/entries/e-1.yaml", Network.State("degraded"));
        await Clone.CommitAllAsync("operator marks e-1 degraded");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);

        // The node, from its stale clone, writes its own change with its own version, and merges its way past the tip.
        const string path = "state/core-1/entries/e-1.yaml";
        var seen = SidecarFormat.Read(TreeFile.FromText(".sigil/versions/" + path, File.ReadAllText(Path.Combine(stale.Path, ".sigil/versions/" + path)))).Sidecar!;
        var record = RecordJson.Parse(RecordPath.Parse(path), "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T12:00:00Z\",\"status\":\"up\"}").Record!;
        stale.Write(path, RecordJson.ToYaml(record));
        stale.Write(".sigil/versions/" + path, SidecarFormat.Write(new RecordVersion(seen.Version.Vector.Bump("core-1"), "core-1", DateTimeOffset.UtcNow, record.Sha256), path));
        await stale.CommitAllAsync("core-1 from a stale base");
        (await stale.GitAsync("pull", "--quiet", "--no-rebase", "-X", "ours", "origin", "main")).ExitCode.ShouldBe(0);

        var push = await stale.PushAsync("core-1");

        push.ExitCode.ShouldNotBe(0);
        var mirrored = seen.Version.Vector["core-1"];
        push.StandardError.ShouldContain($"remote: sigil: error: state/core-1/entries/e-1.yaml: conflict: this push's version {{core-1:{mirrored + 1}, git:");
        push.StandardError.ShouldContain($"has not seen the branch's {{core-1:{mirrored}, git:");
        push.StandardError.ShouldContain("remote: sigil: hint: run 'git pull --rebase' and push again (sigil push does this for you)");
    }
}
