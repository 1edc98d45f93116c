using System.Text.Json;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Reconcile;
using SigilGate.Domain.Store;
using SigilGate.Domain.Tests.Drift;
using SigilGate.Domain.Versioning;
using static SigilGate.Domain.Tests.Drift.SnapshotBuilder;

namespace SigilGate.Domain.Tests.Reconcile;

public class ReconcilePlannerSpecs
{
    private const string HandEdit = "{\"address\":\"10.0.0.7:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-7\"}";
    private const string Down = "{\"grpc_path\":\"/sigil.Gate/Route\",\"last_seen\":\"2026-11-23T10:04:00Z\",\"status\":\"down\"}";

    private static ReconcilePlan Plan(SnapshotBuilder sides, bool force = false) => ReconcilePlanner.Plan(sides.Build(), force);

    private static JsonElement Kept(ReconcileAction action) =>
        JsonDocument.Parse(action.Mutations.OfType<PutMutation>().Single(m => m.Key == action.KeptAt).Value).RootElement;

    private static RecordVersion Written(ReconcileAction action) =>
        VersionJson.TryParse(action.Mutations.OfType<PutMutation>().Single(m => m.Key.Contains("/.sigil/versions/", StringComparison.Ordinal)).Value)!;

    [Test]
    public void A_value_changed_in_etcd_is_put_back_guarded_and_the_overwritten_value_is_kept()
    {
        var sides = new SnapshotBuilder().AppliedToEtcd().Put("/sigil/nodes/entry/e-7", HandEdit);
        var snapshot = sides.Build();

        var action = ReconcilePlanner.Plan(snapshot, force: false).Actions.Single();

        action.Kind.ShouldBe(ReconcileActionKind.Put);
        action.Guards.ShouldBe([
            new Guard("/sigil/nodes/entry/e-7", snapshot.Etcd["/sigil/nodes/entry/e-7"].ModRevision),
            new Guard("/sigil/.sigil/versions/nodes/entry/e-7", snapshot.Etcd["/sigil/.sigil/versions/nodes/entry/e-7"].ModRevision),
        ]);
        action.Mutations[0].ShouldBe(new PutMutation("/sigil/nodes/entry/e-7", E7Json));
        action.KeptAt.ShouldBe("/sigil/.sigil/conflicts/nodes/entry/e-7/" + StoredRecord.Sha256Of(HandEdit)[..16]);
        Kept(action).GetProperty("value").GetString().ShouldBe(HandEdit);
        Kept(action).GetProperty("source").GetString().ShouldBe("reconcile");
        Kept(action).GetProperty("key").GetString().ShouldBe("/sigil/nodes/entry/e-7");
    }

    [Test]
    public void What_reconcile_writes_has_seen_both_gits_version_and_the_one_it_overwrites()
    {
        var action = Plan(new SnapshotBuilder().AppliedToEtcd().Put("/sigil/nodes/entry/e-7", HandEdit)).Actions.Single();

        Written(action).Vector.ToString().ShouldBe($"{{etcd:{RawCounter(action, "etcd")}, git:1800000001}}");
        Written(action).Writer.ShouldBe("git");
        Written(action).Sha256.ShouldBe(StoredRecord.Sha256Of(E7Json));
        Written(action).Vector.CompareTo(action.Difference.EtcdVersion!.Vector).ShouldBe(Causality.Dominates);
    }

    [Test]
    public void A_key_git_does_not_have_is_deleted_exactly_with_a_tombstone_and_its_value_kept()
    {
        var action = Plan(new SnapshotBuilder().AppliedToEtcd().Put("/sigil/nodes/entry/e-9", "{\"id\":\"e-9\"}")).Actions.Single();

        action.Kind.ShouldBe(ReconcileActionKind.Delete);
        action.Guards.ShouldContain(new Guard("/sigil/.sigil/versions/nodes/entry/e-9", 0));
        action.Mutations[0].ShouldBe(new DeleteMutation("/sigil/nodes/entry/e-9"));
        Written(action).IsDeletion.ShouldBeTrue();
        Written(action).Vector.ToString().ShouldBe($"{{etcd:{RawCounter(action, "etcd")}, git:1800000000}}");
        Kept(action).GetProperty("value").GetString().ShouldBe("{\"id\":\"e-9\"}");
    }

    [Test]
    public void A_key_where_no_record_can_live_is_deleted_without_a_version()
    {
        var action = Plan(new SnapshotBuilder().AppliedToEtcd().Put("/sigil/scratch/notes", "hello")).Actions.Single();

        action.Kind.ShouldBe(ReconcileActionKind.Delete);
        action.Mutations.Select(m => m.Key).ShouldBe(["/sigil/scratch/notes", action.KeptAt!]);
        action.KeptAt.ShouldStartWith("/sigil/.sigil/conflicts/scratch/notes/");
    }

    [Test]
    public void A_missing_record_is_put_and_nothing_is_kept()
    {
        var action = Plan(new SnapshotBuilder().AppliedToEtcd().File("nodes/entry/e-8.yaml", "id: e-8\ncore: core-1\naddress: 10.0.0.8:443\n")).Actions.Single();

        action.Kind.ShouldBe(ReconcileActionKind.Put);
        action.KeptAt.ShouldBeNull();
        action.Guards.ShouldBe([new Guard("/sigil/nodes/entry/e-8", 0), new Guard("/sigil/.sigil/versions/nodes/entry/e-8", 0)]);
        action.Mutations.Count.ShouldBe(2);
    }

    [Test]
    public void A_pending_node_write_is_left_alone_without_force()
    {
        var plan = Plan(new SnapshotBuilder().AppliedToEtcd().Put("/sigil/state/core-1/entries/e-7", Down));

        plan.Actions.Single().Kind.ShouldBe(ReconcileActionKind.LeaveAlone);
        plan.Actions.Single().Mutations.ShouldBeEmpty();
        plan.Changes.ShouldBeEmpty();
        plan.IsNothingToDo.ShouldBeTrue();
    }

    [Test]
    public void A_forced_overwrite_of_a_node_write_still_replaces_its_version_and_keeps_its_value()
    {
        var action = Plan(new SnapshotBuilder().AppliedToEtcd().Put("/sigil/state/core-1/entries/e-7", Down), force: true).Actions.Single();

        action.Kind.ShouldBe(ReconcileActionKind.Put);
        action.Mutations[0].ShouldBe(new PutMutation("/sigil/state/core-1/entries/e-7", StateJson));
        Written(action).Vector.ToString().ShouldBe($"{{core-1:{RawCounter(action, "core-1")}, git:1800000001}}");
        Kept(action).GetProperty("value").GetString().ShouldBe(Down);
    }

    [Test]
    public void Conflict_losers_and_the_pending_apply_are_not_key_changes_but_the_pointer_moves()
    {
        var plan = Plan(new SnapshotBuilder().AppliedAt(Applied).Put("/sigil/.sigil/conflicts/network/00000000000000aa", SnapshotBuilder.Conflict("2027-01-15T06:00:00Z", "etcd")).Pending(1, []));

        plan.Actions.ShouldBeEmpty();
        plan.MovesPointer.ShouldBeTrue();
        plan.IsNothingToDo.ShouldBeFalse();
    }

    [Test]
    public void In_sync_with_the_pointer_at_the_tip_there_is_nothing_to_do()
    {
        Plan(new SnapshotBuilder().AppliedToEtcd()).IsNothingToDo.ShouldBeTrue();
    }

    [TestCase(2, 0.5, false)]
    [TestCase(4, 0.5, false)]
    [TestCase(5, 0.5, true)]
    [TestCase(1, 0.2, false)]
    [TestCase(2, 0.2, true)]
    [TestCase(1, 0.0, true)]
    [TestCase(0, 0.0, false)]
    public void The_mass_delete_guard_refuses_deleting_more_than_the_share_of_the_data_keys(int extra, double share, bool refused)
    {
        // Git's 4 records are all in etcd; each extra key is one Git does not have.
        var sides = new SnapshotBuilder().AppliedToEtcd();
        for (var i = 0; i < extra; i++) sides.Put($"/sigil/nodes/entry/x-{i}", "{}");

        var plan = Plan(sides);

        plan.Deletes.ShouldBe(extra);
        plan.DataKeys.ShouldBe(4 + extra);
        plan.DeletesMoreThan(share).ShouldBe(refused);
    }

    [TestCase("{git:5}", "{etcd:1, git:3}", "{etcd:1, git:5}")]
    [TestCase("{git:5}", "{core-1:2, git:5}", "{core-1:2, git:6}")]
    [TestCase("{git:5}", "{git:5}", "{git:6}")]
    [TestCase("{git:5}", null, "{git:5}")]
    public void What_reconcile_writes_always_replaces_what_etcd_holds(string git, string? etcd, string expected)
    {
        var written = ReconcilePlanner.Dominating(Version(git), etcd is null ? null : Version(etcd));

        written.Vector.ToString().ShouldBe(expected);
        written.Writer.ShouldBe("git");
    }

    // What etcd's side counted for the raw write reconcile overwrites (its mod revision).
    private static long RawCounter(ReconcileAction action, string writer) => action.Difference.EtcdVersion!.Vector[writer];

    private static RecordVersion Version(string vector)
    {
        var counters = vector.Trim('{', '}').Split(", ").Select(c => c.Split(':')).Select(p => new KeyValuePair<string, long>(p[0], long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        return new RecordVersion(VersionVector.From(counters), "git", CommitTime, new string('1', 64));
    }
}
