using SigilGate.Domain.Drift;
using static SigilGate.Domain.Tests.Drift.SnapshotBuilder;

namespace SigilGate.Domain.Tests.Drift;

public class DriftComparisonSpecs
{
    private const string HandEdit = "{\"address\":\"10.0.0.7:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-7\"}";
    private const string Down = "{\"grpc_path\":\"/sigil.Gate/Route\",\"last_seen\":\"2026-11-23T10:04:00Z\",\"status\":\"down\"}";

    private static string[] Kinds(SnapshotBuilder sides) =>
        DriftComparison.Compare(sides.Build()).Select(d => $"{d.Subject}: {DriftKinds.Name(d.Kind)}").ToArray();

    [Test]
    public void Etcd_holding_exactly_what_apply_wrote_is_in_sync()
    {
        DriftComparison.Compare(new SnapshotBuilder().AppliedToEtcd().Build()).ShouldBeEmpty();
    }

    [TestCase("put", "/sigil/nodes/entry/e-7", HandEdit, "nodes/entry/e-7.yaml: changed-in-etcd")]
    [TestCase("put", "/sigil/network", "{\"name\":\"other\"}", "network.yaml: changed-in-etcd")]
    [TestCase("delete", "/sigil/nodes/core/core-1", null, "nodes/core/core-1.yaml: missing-in-etcd")]
    [TestCase("put", "/sigil/nodes/entry/e-9", "{\"id\":\"e-9\"}", "nodes/entry/e-9.yaml: only-in-etcd")]
    [TestCase("put", "/sigil/scratch/notes", "hello", "/sigil/scratch/notes: only-in-etcd")]
    [TestCase("put", "/sigil/state/core-1/entries/e-7", Down, "state/core-1/entries/e-7.yaml: pending-node-write")]
    [TestCase("delete", "/sigil/state/core-1/entries/e-7", null, "state/core-1/entries/e-7.yaml: pending-node-write")]
    [TestCase("put", "/sigil/state/core-1/entries/e-8", Down, "state/core-1/entries/e-8.yaml: pending-node-write")]
    public void A_write_made_in_etcd_behind_gits_back_is_reported_by_kind(string action, string key, string? value, string expected)
    {
        var sides = new SnapshotBuilder().AppliedToEtcd();
        if (action == "put") sides.Put(key, value!);
        else sides.Delete(key);

        Kinds(sides).ShouldBe([expected]);
    }

    [Test]
    public void A_record_etcd_never_had_is_missing_in_etcd()
    {
        Kinds(new SnapshotBuilder().AppliedToEtcd().File("nodes/entry/e-8.yaml", "id: e-8\ncore: core-1\naddress: 10.0.0.8:443\n"))
            .ShouldBe(["nodes/entry/e-8.yaml: missing-in-etcd"]);
    }

    [Test]
    public void A_node_write_is_attributed_to_the_core_that_owns_the_area_and_has_seen_gits_version()
    {
        var snapshot = new SnapshotBuilder().AppliedToEtcd().Put("/sigil/state/core-1/entries/e-7", Down).Build();
        var difference = DriftComparison.Compare(snapshot).Single();

        // The node's counter is the raw write's mod revision (see StoredRecord.CurrentVersion).
        difference.Core.ShouldBe("core-1");
        difference.EtcdVersion!.Vector.ToString().ShouldBe($"{{core-1:{snapshot.Etcd["/sigil/state/core-1/entries/e-7"].ModRevision}, git:1800000000}}");
        difference.GitVersion!.Vector.ToString().ShouldBe("{git:1800000000}");
        difference.CoveredByPendingApply.ShouldBeFalse();
    }

    [Test]
    public void A_git_change_not_yet_applied_is_drift_covered_by_the_pending_apply()
    {
        var sides = new SnapshotBuilder().AppliedAt(Applied)
            .File("nodes/entry/e-7.yaml", "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\nenabled: false\n")
            .Pending(2, "nodes/entry/e-7");

        var differences = DriftComparison.Compare(sides.Build());

        differences.Select(d => $"{d.Subject}: {DriftKinds.Name(d.Kind)} covered={d.CoveredByPendingApply}")
            .ShouldBe(["/sigil/.sigil/applied: apply-pending covered=False", "nodes/entry/e-7.yaml: changed-in-etcd covered=True"]);
        differences[0].PendingCommit.ShouldBe(new string('b', 40));
        differences[0].CommitsBehind.ShouldBe(2);
        differences[0].LedgerSuffix.ShouldBe("main");
    }

    [Test]
    public void A_node_write_concurrent_with_a_pending_hand_edit_in_git_is_changed_in_etcd()
    {
        var sides = new SnapshotBuilder().AppliedAt(Applied)
            .File("state/core-1/entries/e-7.yaml", "status: degraded\nlast_seen: 2026-11-23T10:00:00Z\ngrpc_path: /sigil.Gate/Route\n")
            .Pending(1, "state/core-1/entries/e-7")
            .Put("/sigil/state/core-1/entries/e-7", Down);

        Kinds(sides).ShouldBe(["/sigil/.sigil/applied: apply-pending", "state/core-1/entries/e-7.yaml: changed-in-etcd"]);
    }

    [Test]
    public void A_state_record_git_deleted_in_a_pending_commit_is_only_in_etcd()
    {
        var sides = new SnapshotBuilder().AppliedAt(Applied).File("state/core-1/entries/e-7.yaml", null).Pending(1, "state/core-1/entries/e-7");

        Kinds(sides).ShouldBe(["/sigil/.sigil/applied: apply-pending", "state/core-1/entries/e-7.yaml: only-in-etcd"]);
    }

    [Test]
    public void Kept_conflict_losers_are_listed_with_when_and_where_they_came_from()
    {
        var json = Conflict(Now.AddHours(-2).ToString("o", System.Globalization.CultureInfo.InvariantCulture), "etcd", "/sigil/nodes/entry/e-7");
        var sides = new SnapshotBuilder().AppliedToEtcd().Put("/sigil/.sigil/conflicts/nodes/entry/e-7/0123456789abcdef", json);

        var difference = DriftComparison.Compare(sides.Build()).Single();

        difference.Kind.ShouldBe(DriftKind.ConflictLoser);
        difference.Path.ShouldBe("nodes/entry/e-7.yaml");
        difference.LedgerSuffix.ShouldBe("nodes/entry/e-7/0123456789abcdef");
        difference.Source.ShouldBe("etcd");
        difference.KnownSince.ShouldBe(Now.AddHours(-2));
    }

    [Test]
    public void The_suites_own_keys_are_not_data()
    {
        var sides = new SnapshotBuilder().AppliedToEtcd()
            .Put("/sigil/.sigil/versions/nodes/entry/e-99", "{}")
            .Put("/sigil/.sigil/drift/only-in-etcd/nodes/entry/e-99", "{}");

        Kinds(sides).ShouldBeEmpty();
    }

    [Test]
    public void A_record_that_does_not_validate_at_the_tip_is_not_compared()
    {
        var sides = new SnapshotBuilder().AppliedToEtcd().File("nodes/entry/e-7.yaml", "id: e-7\ncore: [broken\n");

        Kinds(sides).ShouldBeEmpty();
        sides.Build().Git.Unreadable.ShouldBe(["nodes/entry/e-7"]);
    }

    [Test]
    public void Differences_are_listed_apply_pending_first_then_data_keys_then_conflicts_each_by_key()
    {
        var sides = new SnapshotBuilder().AppliedAt(Applied)
            .Put("/sigil/.sigil/conflicts/network/00000000000000aa", Conflict("2027-01-15T06:00:00Z", "etcd"))
            .Put("/sigil/nodes/entry/e-9", "{}")
            .Put("/sigil/network", "{}")
            .Pending(1, []);

        Kinds(sides).ShouldBe(
        [
            "/sigil/.sigil/applied: apply-pending",
            "network.yaml: changed-in-etcd",
            "nodes/entry/e-9.yaml: only-in-etcd",
            "network.yaml: conflict-loser",
        ]);
    }

    [Test]
    public void With_no_branch_every_data_key_is_only_in_etcd_but_a_nodes_state_which_git_never_had()
    {
        Kinds(new SnapshotBuilder().AppliedToEtcd().NoBranch()).ShouldBe(
        [
            "network.yaml: only-in-etcd",
            "nodes/core/core-1.yaml: only-in-etcd",
            "nodes/entry/e-7.yaml: only-in-etcd",
            "state/core-1/entries/e-7.yaml: pending-node-write",
        ]);
    }
}
