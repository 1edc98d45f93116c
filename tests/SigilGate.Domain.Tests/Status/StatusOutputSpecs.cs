using System.Text.Json;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;
using SigilGate.Domain.Status;
using SigilGate.Domain.Store;
using SigilGate.Domain.Tests.Drift;
using static SigilGate.Domain.Tests.Drift.SnapshotBuilder;

namespace SigilGate.Domain.Tests.Status;

/// <summary>How sigil status words what it found: one aligned fact per line and the verdict last, or one JSON document.</summary>
public class StatusOutputSpecs
{
    private const string Down = "{\"grpc_path\":\"/sigil.Gate/Route\",\"last_seen\":\"2026-11-23T10:04:00Z\",\"status\":\"down\"}";

    private static readonly ClusterStatus ThreeMembers = new(
        [new ClusterMember(1, "m0", ["http://127.0.0.1:2379"]), new ClusterMember(2, "m1", ["http://127.0.0.1:2479"]), new ClusterMember(3, "m2", ["http://127.0.0.1:2579"])],
        2);

    private static readonly CommitInfo Mirror = new(new string('d', 40), [], Now.AddMinutes(-2), "core-1: mirror 1 record from etcd")
    {
        Message = "core-1: mirror 1 record from etcd\n\n- state/core-1/entries/e-7.yaml: changed\n\nSigil-Node: core-1\nSigil-Etcd-Revision: 98\n",
    };

    private static readonly LastMirrors Mirrors = new([new CoreMirror("core-1", Mirror), new CoreMirror("core-2", null)], 12, true);

    private static StatusReport Report(SnapshotBuilder sides, ClusterStatus? cluster = null)
    {
        var snapshot = sides.Build();
        var drift = new DriftReport(snapshot, DriftLedger.Update(DriftComparison.Compare(snapshot), snapshot).Aged);
        var kept = snapshot.Etcd.Values.Where(v => v.Key.StartsWith(Keys.ConflictsRoot, StringComparison.Ordinal)).Select(v => KeptConflict.From(Keys, v)).ToList();
        return new StatusReport("main", "/sigil", Tip, Mirrors, Now, cluster ?? ThreeMembers, drift, kept);
    }

    private static StatusReport Troubled() => Report(new SnapshotBuilder().AppliedAt(Applied)
        .Put("/sigil/state/core-1/entries/e-7", Down)
        .Put("/sigil/.sigil/conflicts/state/core-1/entries/e-7/0123456789abcdef", Conflict("2027-01-15T07:02:00Z", "git commit " + new string('e', 40), "/sigil/state/core-1/entries/e-7"))
        .Pending(2, "network"));

    [Test]
    public void A_clean_network_is_one_aligned_fact_per_line_and_ok()
    {
        StatusText.Lines(Report(new SnapshotBuilder().AppliedToEtcd())).ShouldBe(
        [
            "branch:        main at aaaaaaa, committed 2027-01-15T08:00:00Z",
            "applied:       aaaaaaa at etcd revision 105, 2027-01-15T08:00:00Z (the tip)",
            "pending:       none",
            "etcd:          3 members (m0, m1, m2), leader m1 (http://127.0.0.1:2479)",
            "drift:         none",
            "conflicts:     none",
            "mirror core-1: 2m ago, 2027-01-15T08:03:00Z, commit ddddddd (etcd revision 98)",
            "mirror core-2: never",
            "status:        ok (etcd holds the tip; nothing pending, drifting or kept)",
        ]);
    }

    [Test]
    public void Pending_commits_drift_and_kept_conflicts_are_counted_and_need_attention()
    {
        var report = Troubled();

        report.Ok.ShouldBeFalse();
        report.Attention.ShouldBe(["2 pending commits", "3 drift differences", "1 kept conflict"]);
        StatusText.Lines(report).ShouldBe(
        [
            "branch:        main at aaaaaaa, committed 2027-01-15T08:00:00Z",
            "applied:       9999999 at etcd revision 105, 2027-01-15T07:00:00Z (2 commits behind the tip)",
            "pending:       2 commits, the oldest bbbbbbb committed 7m ago ('sigil apply --repo BARE' applies them)",
            "etcd:          3 members (m0, m1, m2), leader m1 (http://127.0.0.1:2479)",
            "drift:         3 differences (1 apply-pending, 1 conflict-loser, 1 pending-node-write), the oldest for 1h3m ('sigil drift --repo BARE' lists them)",
            "conflicts:     1 kept (state/core-1/: 1), the oldest 1h3m old ('sigil conflicts list --repo BARE' lists them)",
            "mirror core-1: 2m ago, 2027-01-15T08:03:00Z, commit ddddddd (etcd revision 98)",
            "mirror core-2: never",
            "status:        needs attention (2 pending commits, 3 drift differences, 1 kept conflict)",
        ]);
    }

    [Test]
    public void Without_etcd_the_git_side_is_still_shown_and_etcd_s_line_says_why()
    {
        var report = new StatusReport("main", "/sigil", Tip, Mirrors with { Complete = false, CommitsSearched = 5000 }, Now, null, null, null, new EtcdProblem(true, "etcd unavailable at http://127.0.0.1:2379 while trying to list the cluster's members: connection refused"));

        report.Attention.ShouldBe(["etcd unreachable"]);
        StatusText.Lines(report).ShouldBe(
        [
            "branch:        main at aaaaaaa, committed 2027-01-15T08:00:00Z",
            "applied:       unknown (etcd not read)",
            "pending:       unknown (etcd not read)",
            "etcd:          unreachable: etcd unavailable at http://127.0.0.1:2379 while trying to list the cluster's members: connection refused",
            "drift:         unknown (etcd not read)",
            "conflicts:     unknown (etcd not read)",
            "mirror core-1: 2m ago, 2027-01-15T08:03:00Z, commit ddddddd (etcd revision 98)",
            "mirror core-2: none in the last 5000 commits",
            "status:        needs attention (etcd unreachable)",
        ]);
    }

    [Test]
    public void A_cluster_without_a_leader_needs_attention()
    {
        var report = new StatusReport("main", "/sigil", Tip, LastMirrors.None, Now, ThreeMembers with { LeaderId = 0 }, null, null);

        report.Attention.ShouldBe(["etcd has no leader"]);
        StatusText.Lines(report).ShouldContain("etcd:      3 members (m0, m1, m2), no leader (is a majority of the members up?)");
        StatusText.Lines(report).ShouldContain("mirrors:   no Core nodes at the tip");
    }

    [Test]
    public void The_json_document_starts_with_its_schema_and_carries_every_fact()
    {
        var json = StatusJson.Write(Troubled());

        json.ShouldStartWith("{\"schema\":1,");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("ok").GetBoolean().ShouldBeFalse();
        root.GetProperty("attention").EnumerateArray().Select(a => a.GetString()).ShouldBe(["2 pending commits", "3 drift differences", "1 kept conflict"]);
        root.GetProperty("tip").GetProperty("commit").GetString().ShouldBe(Tip.Sha);
        root.GetProperty("applied").GetProperty("commit").GetString().ShouldBe(Applied.Sha);
        root.GetProperty("applied").GetProperty("revision").GetInt64().ShouldBe(105);
        root.GetProperty("applied").GetProperty("is_tip").GetBoolean().ShouldBeFalse();
        root.GetProperty("pending").GetProperty("count").GetInt32().ShouldBe(2);
        root.GetProperty("pending").GetProperty("oldest").GetProperty("commit").GetString().ShouldBe(new string('b', 40));
        root.GetProperty("etcd").GetProperty("reachable").GetBoolean().ShouldBeTrue();
        root.GetProperty("etcd").GetProperty("leader").GetString().ShouldBe("m1");
        root.GetProperty("etcd").GetProperty("members").GetArrayLength().ShouldBe(3);
        root.GetProperty("drift").GetProperty("counts").GetProperty("pending-node-write").GetInt32().ShouldBe(1);
        var area = root.GetProperty("conflicts").GetProperty("areas").EnumerateArray().ShouldHaveSingleItem();
        (area.GetProperty("area").GetString(), area.GetProperty("count").GetInt32(), area.GetProperty("oldest_age_seconds").GetInt64()).ShouldBe(("state/core-1/", 1, 3780));
        var cores = root.GetProperty("mirrors").GetProperty("cores").EnumerateArray().ToList();
        cores[0].GetProperty("last_mirror").GetProperty("etcd_revision").GetInt64().ShouldBe(98);
        cores[1].GetProperty("last_mirror").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public void Without_etcd_the_json_says_unknown_with_nulls_not_zeros()
    {
        var report = new StatusReport("main", "/sigil", Tip, Mirrors, Now, null, null, null, new EtcdProblem(true, "etcd unreachable"));

        using var document = JsonDocument.Parse(StatusJson.Write(report));
        var root = document.RootElement;
        root.GetProperty("etcd").GetProperty("reachable").GetBoolean().ShouldBeFalse();
        root.GetProperty("etcd").GetProperty("error").GetString().ShouldBe("etcd unreachable");
        foreach (var name in new[] { "applied", "pending", "drift", "conflicts" }) root.GetProperty(name).ValueKind.ShouldBe(JsonValueKind.Null, name);
    }
}
