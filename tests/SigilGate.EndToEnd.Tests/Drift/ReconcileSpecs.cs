using System.Text.Json;

namespace SigilGate.EndToEnd.Tests.Drift;

public class ReconcileSpecs : HookedRepository
{
    private const string HandEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
    private const string Stray = "{\"id\":\"e-99\"}";
    private const string NodeWrite = "{\"grpc_path\":\"/sigil.Entry/Report\",\"last_seen\":\"2026-11-23T10:05:00Z\",\"status\":\"down\"}";

    private Task<ProcessResult> ReconcileAsync(params string[] options) => Bare.SigilAsync(["reconcile", "--repo", Bare.Path, .. options]);

    private static string[] Lines(ProcessResult result) => result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private async Task<Dictionary<string, string>> KeptAsync() =>
        (await EtcdKeysAsync()).Where(k => k.Key.StartsWith("/sigil/.sigil/conflicts/", StringComparison.Ordinal)).ToDictionary(k => k.Key, k => k.Value);

    [Test]
    public async Task A_dry_run_prints_the_plan_and_changes_nothing()
    {
        var tip = await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-99", Stray);
        var before = await EtcdKeysAsync();
        var revision = await EtcdRevisionAsync();

        var dryRun = await ReconcileAsync("--dry-run");

        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        var lines = Lines(dryRun);
        lines[0].ShouldBe($"sigil: dry run: reconcile of etcd /sigil to main at {tip[..7]} would make 2 changes (1 put, 1 delete):");
        lines[1].ShouldStartWith("  put /sigil/nodes/entry/e-1 {\"address\":\"10.0.0.1:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}; etcd's value kept at /sigil/.sigil/conflicts/nodes/entry/e-1/");
        lines[2].ShouldStartWith("  delete /sigil/nodes/entry/e-99; etcd's value kept at /sigil/.sigil/conflicts/nodes/entry/e-99/");
        lines[3].ShouldBe("sigil: dry run: nothing was changed");
        (await EtcdRevisionAsync()).ShouldBe(revision);
        (await EtcdKeysAsync()).ShouldBe(before);
    }

    [Test]
    public async Task Reconcile_restores_a_changed_key_prunes_a_stray_one_and_keeps_both_values()
    {
        var tip = await PushBaseNetworkAsync();
        var synced = await DataKeysAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-99", Stray);

        var reconcile = await ReconcileAsync();

        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        Lines(reconcile)[^1].ShouldStartWith($"sigil: reconciled: 1 put, 1 deleted, 2 kept under /sigil/.sigil/conflicts/; applied pointer at {tip[..7]} (etcd revision ");
        (await DataKeysAsync()).ShouldBe(synced);
        var kept = (await KeptAsync()).Values.Select(v => JsonDocument.Parse(v).RootElement).ToList();
        kept.Select(k => $"{k.GetProperty("key").GetString()} {k.GetProperty("source").GetString()} {k.GetProperty("value").GetString()}").Order(StringComparer.Ordinal).ShouldBe(
        [
            $"/sigil/nodes/entry/e-1 reconcile {HandEdit}",
            $"/sigil/nodes/entry/e-99 reconcile {Stray}",
        ]);
        (await EtcdKeysAsync())["/sigil/.sigil/versions/nodes/entry/e-99"].ShouldContain($"\"sha256\":\"{new string('0', 64)}\"");

        // Only the kept values remain for a person to look at; the data is in sync again.
        var drift = await Bare.SigilAsync("drift", "--repo", Bare.Path);
        drift.ExitCode.ShouldBe(1, drift.ToString());
        Lines(drift).Count(l => l.Contains(": conflict-loser ", StringComparison.Ordinal)).ShouldBe(2);
        Lines(drift).Length.ShouldBe(3);
    }

    [Test]
    public async Task Reconcile_of_an_etcd_in_sync_changes_nothing()
    {
        var tip = await PushBaseNetworkAsync();
        var revision = await EtcdRevisionAsync();

        var reconcile = await ReconcileAsync();

        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        Lines(reconcile).ShouldBe([$"sigil: etcd /sigil already holds main at {tip[..7]}: nothing to do"]);
        (await EtcdRevisionAsync()).ShouldBe(revision);
    }

    [Test]
    public async Task The_mass_delete_guard_refuses_deleting_most_keys_unless_allowed()
    {
        await PushBaseNetworkAsync();
        for (var i = 0; i < 8; i++) await Etcd.EtcdctlAsync("put", $"/sigil/nodes/entry/x-{i}", "{}");
        var revision = await EtcdRevisionAsync();

        var dryRun = await ReconcileAsync("--dry-run");
        dryRun.ExitCode.ShouldBe(2, dryRun.ToString());
        Lines(dryRun).Count(l => l.StartsWith("  delete /sigil/nodes/entry/x-", StringComparison.Ordinal)).ShouldBe(8);
        Lines(dryRun)[^1].ShouldBe("sigil: dry run: nothing was changed");
        dryRun.StandardError.ShouldStartWith("sigil: error: reconcile would delete 8 of 15 data keys");

        var refused = await ReconcileAsync();

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "sigil: error: reconcile would delete 8 of 15 data keys (53.3%), more than Sigil:MassDeleteShare allows (50%); check the branch, the prefix and the repository, then run again with --allow-mass-delete if this is intended",
            "sigil: reconcile refused: nothing was changed",
        ]);
        (await EtcdRevisionAsync()).ShouldBe(revision);

        var allowed = await ReconcileAsync("--allow-mass-delete");

        allowed.ExitCode.ShouldBe(0, allowed.ToString());
        (await DataKeysAsync()).Keys.Count(k => k.StartsWith("/sigil/nodes/entry/x-", StringComparison.Ordinal)).ShouldBe(0);
        (await KeptAsync()).Count.ShouldBe(8);
    }

    [Test]
    public async Task The_json_dry_run_lists_each_change_it_would_make_and_where_it_would_keep_etcds_value()
    {
        var tip = await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-99", Stray);
        var before = await EtcdKeysAsync();

        var dryRun = await ReconcileAsync("--dry-run", "--json");

        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.StandardOutput.ShouldStartWith("{\"schema\":1,");
        dryRun.StandardOutput.TrimEnd('\n').ShouldNotContain('\n');
        using var document = JsonDocument.Parse(dryRun.StandardOutput);
        var root = document.RootElement;
        (root.GetProperty("dry_run").GetBoolean(), root.GetProperty("outcome").GetString(), root.GetProperty("tip").GetString()).ShouldBe((true, "dry-run", tip));
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        changes.Select(c => $"{c.GetProperty("action").GetString()} {c.GetProperty("key").GetString()} {c.GetProperty("kind").GetString()}").ShouldBe(
            ["put /sigil/nodes/entry/e-1 changed-in-etcd", "delete /sigil/nodes/entry/e-99 only-in-etcd"]);
        changes[0].GetProperty("value").GetProperty("address").GetString().ShouldBe("10.0.0.1:443");
        changes.ShouldAllBe(c => c.GetProperty("kept_at").GetString()!.StartsWith("/sigil/.sigil/conflicts/nodes/entry/e-", StringComparison.Ordinal));
        (await EtcdKeysAsync()).ShouldBe(before);
    }

    [Test]
    public async Task The_json_reconcile_lists_each_change_made_the_revision_and_what_it_left_alone()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", HandEdit);
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", NodeWrite);

        var reconcile = await ReconcileAsync("--json");

        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        reconcile.StandardError.ShouldBeEmpty();
        using var document = JsonDocument.Parse(reconcile.StandardOutput);
        var root = document.RootElement;
        (root.GetProperty("dry_run").GetBoolean(), root.GetProperty("outcome").GetString()).ShouldBe((false, "done"));
        root.GetProperty("etcd_revision").GetInt64().ShouldBe(await EtcdRevisionAsync());
        root.GetProperty("counts").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}").ShouldBe(["put=1", "deleted=0", "kept=1", "left_alone=1"]);
        var kept = root.GetProperty("changes").EnumerateArray().ShouldHaveSingleItem().GetProperty("kept_at").GetString()!;
        (await KeptAsync()).Keys.ShouldBe([kept]);
        var left = root.GetProperty("left_alone").EnumerateArray().ShouldHaveSingleItem();
        (left.GetProperty("key").GetString(), left.GetProperty("core").GetString()).ShouldBe(("/sigil/state/core-1/entries/e-1", "core-1"));
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"].ShouldBe(NodeWrite);
    }

    [Test]
    public async Task A_pending_node_write_is_left_alone_unless_forced()
    {
        await PushBaseNetworkAsync();
        var synced = await DataKeysAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/state/core-1/entries/e-1", NodeWrite);

        var reconcile = await ReconcileAsync();

        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        Lines(reconcile).ShouldContain(l => l.StartsWith("  leave /sigil/state/core-1/entries/e-1: pending node write of core-1 (etcd {core-1:", StringComparison.Ordinal) && l.EndsWith("); --force overwrites it", StringComparison.Ordinal));
        (await DataKeysAsync())["/sigil/state/core-1/entries/e-1"].ShouldBe(NodeWrite);

        var forced = await ReconcileAsync("--force");

        forced.ExitCode.ShouldBe(0, forced.ToString());
        Lines(forced).ShouldContain(l => l.StartsWith("  put /sigil/state/core-1/entries/e-1 ", StringComparison.Ordinal));
        (await DataKeysAsync()).ShouldBe(synced);
        (await KeptAsync()).Values.Select(v => JsonDocument.Parse(v).RootElement.GetProperty("value").GetString()).ShouldBe([NodeWrite]);
    }

    [Test]
    public async Task Reconcile_applies_work_left_pending_and_moves_the_pointer_to_the_tip()
    {
        await PushBaseNetworkAsync();
        await Etcd.StopAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var tip = await Clone.CommitAllAsync("add e-3 during an outage");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);
        await Etcd.StartAsync();

        var reconcile = await ReconcileAsync();

        reconcile.ExitCode.ShouldBe(0, reconcile.ToString());
        Lines(reconcile).ShouldContain("  put /sigil/nodes/entry/e-3 {\"address\":\"10.0.0.3:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-3\"}");
        (await EtcdKeysAsync())["/sigil/.sigil/applied"].ShouldContain(tip);
        (await Bare.SigilAsync("drift", "--repo", Bare.Path)).ExitCode.ShouldBe(0);
    }

    [Test]
    public async Task Reconcile_without_a_branch_is_an_error()
    {
        var reconcile = await ReconcileAsync();

        reconcile.ExitCode.ShouldBe(2, reconcile.ToString());
        reconcile.StandardError.ShouldBe("sigil: error: branch main does not exist in the repository: there is nothing to reconcile etcd to\n");
    }
}
