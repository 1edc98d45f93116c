using System.Text.Json;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Reconcile;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Reconcile;

namespace SigilGate.Workflows.Tests.Reconcile;

/// <summary><c>sigil reconcile</c>: etcd made equal to main, keeping every value it overwrites or deletes.</summary>
public class ReconcilerSpecs
{
    private const string HandEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
    private const string Stray = "{\"address\":\"10.0.0.99:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-99\"}";
    private SyncedNetwork network = null!;
    private List<int> plans = null!;

    [SetUp]
    public async Task Synced()
    {
        network = await SyncedNetwork.CreateAsync();
        plans = [];
    }

    private Task<ReconcileResult> ReconcileAsync(ReconcileOptions? options = null, string branch = "main") =>
        new Reconciler(network.Repository, network.Store, SyncedNetwork.Keys, branch, StoreLimits.Default, network.Clock)
            .RunAsync(options ?? new ReconcileOptions(), (_, attempt) => plans.Add(attempt));

    private static string[] Kept(IEnumerable<StoredValue> kept) => kept
        .Select(v => JsonDocument.Parse(v.Value).RootElement)
        .Select(k => $"{k.GetProperty("key").GetString()} {k.GetProperty("source").GetString()} {k.GetProperty("value").GetString()}")
        .Order(StringComparer.Ordinal).ToArray();

    [Test]
    public async Task Reconcile_restores_a_changed_key_prunes_a_stray_one_and_keeps_both_values()
    {
        var synced = network.Data();
        network.Store.Put("/sigil/nodes/entry/e-1", HandEdit);
        network.Store.Put("/sigil/nodes/entry/e-99", Stray);

        var result = await ReconcileAsync();

        result.Outcome.ShouldBe(ReconcileOutcome.Done);
        (result.Plan!.Puts, result.Plan.Deletes, result.Plan.Kept).ShouldBe((1, 1, 2));
        network.Data().ShouldBe(synced);
        Kept(network.Kept()).ShouldBe([$"/sigil/nodes/entry/e-1 reconcile {HandEdit}", $"/sigil/nodes/entry/e-99 reconcile {Stray}"]);
    }

    [Test]
    public async Task A_dry_run_plans_and_changes_nothing()
    {
        network.Store.Put("/sigil/nodes/entry/e-1", HandEdit);
        var revision = network.Store.Revision;

        var result = await ReconcileAsync(new ReconcileOptions(DryRun: true));

        result.Outcome.ShouldBe(ReconcileOutcome.DryRun);
        result.Plan!.Puts.ShouldBe(1);
        network.Store.Revision.ShouldBe(revision);
        network.Data()["/sigil/nodes/entry/e-1"].ShouldBe(HandEdit);
    }

    [Test]
    public async Task Reconcile_of_an_etcd_in_sync_writes_nothing()
    {
        var revision = network.Store.Revision;

        var result = await ReconcileAsync();

        result.Outcome.ShouldBe(ReconcileOutcome.NothingToDo);
        network.Store.Revision.ShouldBe(revision);
        plans.ShouldBe([1]);
    }

    [TestCase(7, ReconcileOutcome.Done)]
    [TestCase(8, ReconcileOutcome.MassDeleteRefused)]
    public async Task The_mass_delete_guard_refuses_deleting_more_than_the_share_of_data_keys(int strays, ReconcileOutcome outcome)
    {
        // The base holds six data keys: seven strays of thirteen is 53.8%, eight of fourteen 57.1%; the share here is 55%.
        for (var i = 0; i < strays; i++) network.Store.Put($"/sigil/nodes/entry/x-{i}", "{}");
        var revision = network.Store.Revision;

        var result = await ReconcileAsync(new ReconcileOptions(MassDeleteShare: 0.55));

        result.Outcome.ShouldBe(outcome);
        result.Plan!.Deletes.ShouldBe(strays);
        if (outcome == ReconcileOutcome.MassDeleteRefused) network.Store.Revision.ShouldBe(revision);
        else network.Data().Keys.ShouldNotContain(k => k.StartsWith("/sigil/nodes/entry/x-", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_mass_delete_that_is_allowed_deletes_and_keeps_every_value()
    {
        for (var i = 0; i < 8; i++) network.Store.Put($"/sigil/nodes/entry/x-{i}", "{}");

        var result = await ReconcileAsync(new ReconcileOptions(AllowMassDelete: true));

        result.Outcome.ShouldBe(ReconcileOutcome.Done);
        network.Data().Keys.ShouldNotContain(k => k.StartsWith("/sigil/nodes/entry/x-", StringComparison.Ordinal));
        network.Kept().Count.ShouldBe(8);
    }

    [Test]
    public async Task A_pending_node_write_is_left_alone_unless_forced()
    {
        var nodeWrite = Network.StateJson("down", "2026-11-23T11:00:00Z");
        network.Store.Put("/sigil/state/core-1/entries/e-1", nodeWrite);

        var left = await ReconcileAsync();

        left.Plan!.LeftAlone.ShouldHaveSingleItem().Key.ShouldBe("/sigil/state/core-1/entries/e-1");
        network.Data()["/sigil/state/core-1/entries/e-1"].ShouldBe(nodeWrite);

        var forced = await ReconcileAsync(new ReconcileOptions(Force: true));

        forced.Outcome.ShouldBe(ReconcileOutcome.Done);
        network.Data()["/sigil/state/core-1/entries/e-1"].ShouldBe(Network.StateJson("up"));
        Kept(network.Kept()).ShouldBe([$"/sigil/state/core-1/entries/e-1 reconcile {nodeWrite}"]);
    }

    [Test]
    public async Task Reconcile_applies_work_left_pending_and_moves_the_pointer_to_the_tip()
    {
        var tip = network.Repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        var result = await ReconcileAsync();

        result.Outcome.ShouldBe(ReconcileOutcome.Done);
        network.Data()["/sigil/nodes/entry/e-3"].ShouldBe(Network.EntryJson("e-3", "core-1", "10.0.0.3:443"));
        var pointer = AppliedPointer.Read(network.Store.Snapshot().Single(v => v.Key == SyncedNetwork.Keys.Applied));
        pointer.Commit.ShouldBe(tip);
        pointer.Time.ShouldBe(FixedClock.Noon);
    }

    [Test]
    public async Task Reconcile_to_a_branch_that_does_not_exist_writes_nothing()
    {
        var revision = network.Store.Revision;

        var result = await ReconcileAsync(branch: "gone");

        result.Outcome.ShouldBe(ReconcileOutcome.NoBranch);
        network.Store.Revision.ShouldBe(revision);
    }

    [Test]
    public async Task A_decision_recorded_in_a_commit_not_yet_applied_is_carried_out_by_the_reconcile()
    {
        var kept = SyncedNetwork.Keys.Conflict("nodes/entry/e-1", "0123456789abcdef");
        var version = new SigilGate.Domain.Versioning.RecordVersion(SigilGate.Domain.Versioning.VersionVector.Empty, "etcd", FixedClock.Noon, new string('a', 64));
        network.Store.Put(kept, new ConflictRecord(SyncedNetwork.Keys.Data("nodes/entry/e-1"), HandEdit, version, version, "etcd", FixedClock.Noon).ToJson());
        network.Repository.Commit("main", "e-1: conflict resolved\n\nSigil-Resolve: keep-winner nodes/entry/e-1.yaml 0123456789abcdef\nSigil-Decided-By: alice\n");

        var result = await ReconcileAsync();

        result.Outcome.ShouldBe(ReconcileOutcome.Done);
        network.Store.Snapshot().Select(v => v.Key).ShouldNotContain(kept);
    }
}
