using System.Text.Json;
using SigilGate.Domain.Build;
using SigilGate.Domain.Drift;
using static SigilGate.Domain.Tests.Drift.SnapshotBuilder;

namespace SigilGate.Domain.Tests.Drift;

public class DriftOutputSpecs
{
    private static readonly BuildInfo Build = new("0.1.0", "04264fd");

    private const string Down = "{\"grpc_path\":\"/sigil.Gate/Route\",\"last_seen\":\"2026-11-23T10:04:00Z\",\"status\":\"down\"}";

    private static DriftReport Report(SnapshotBuilder sides)
    {
        var snapshot = sides.Build();
        return new DriftReport(snapshot, DriftLedger.Update(DriftComparison.Compare(snapshot), snapshot).Aged);
    }

    /// <summary>Everything at once, each difference first seen 5 minutes (or, for the conflict, 2 hours) ago.</summary>
    private static DriftReport Drifted()
    {
        var sides = new SnapshotBuilder().AppliedAt(Applied)
            .Put("/sigil/network", "{\"name\":\"other\"}")
            .Delete("/sigil/nodes/core/core-1")
            .Put("/sigil/nodes/entry/e-9", "{}")
            .Put("/sigil/state/core-1/entries/e-7", Down)
            .Put("/sigil/.sigil/conflicts/nodes/entry/e-7/0123456789abcdef", Conflict("2027-01-15T06:05:00Z", "reconcile", "/sigil/nodes/entry/e-7"))
            .Pending(3, "network");
        foreach (var (kind, suffix) in new[] { ("changed-in-etcd", "network"), ("missing-in-etcd", "nodes/core/core-1"), ("only-in-etcd", "nodes/entry/e-9"), ("pending-node-write", "state/core-1/entries/e-7"), ("apply-pending", "main") })
        {
            sides.Put($"/sigil/.sigil/drift/{kind}/{suffix}", "{\"first_seen\":\"2027-01-15T08:00:00Z\"}");
        }

        return Report(sides);
    }

    [Test]
    public void Each_difference_is_one_line_with_its_kind_and_age_then_a_summary()
    {
        DriftText.Lines(Drifted()).ShouldBe(
        [
            "main: apply-pending (for 5m), since commit bbbbbbb, 3 commits behind",
            "network.yaml: changed-in-etcd (for 5m), covered by the pending apply",
            "nodes/core/core-1.yaml: missing-in-etcd (for 5m)",
            "nodes/entry/e-9.yaml: only-in-etcd (for 5m)",
            "state/core-1/entries/e-7.yaml: pending-node-write (for 5m), waiting for core-1's sigil push",
            "nodes/entry/e-7.yaml: conflict-loser (for 2h), kept at /sigil/.sigil/conflicts/nodes/entry/e-7/0123456789abcdef (from reconcile)",
            "sigil: drift: 6 differences between etcd /sigil and main at aaaaaaa (1 apply-pending, 1 changed-in-etcd, 1 conflict-loser, 1 missing-in-etcd, 1 only-in-etcd, 1 pending-node-write); the oldest for 2h",
        ]);
    }

    [Test]
    public void In_sync_is_one_summary_line_naming_the_tip()
    {
        DriftText.Lines(Report(new SnapshotBuilder().AppliedToEtcd())).ShouldBe(["sigil: in sync: etcd /sigil holds main at aaaaaaa (4 records)"]);
    }

    [Test]
    public void A_key_where_no_record_can_live_is_named_by_its_key()
    {
        DriftText.Lines(Report(new SnapshotBuilder().AppliedToEtcd().Put("/sigil/scratch", "x"))).First().ShouldBe("/sigil/scratch: only-in-etcd (for 0s)");
    }

    [Test]
    public void The_json_document_has_the_summary_and_one_object_per_difference()
    {
        using var document = JsonDocument.Parse(DriftJson.Write(Drifted()));
        var root = document.RootElement;

        root.GetProperty("in_sync").GetBoolean().ShouldBeFalse();
        root.GetProperty("checked_at").GetString().ShouldBe("2027-01-15T08:05:00Z");
        root.GetProperty("prefix").GetString().ShouldBe("/sigil");
        root.GetProperty("branch").GetString().ShouldBe("main");
        root.GetProperty("tip").GetString().ShouldBe(new string('a', 40));
        root.GetProperty("applied").GetString().ShouldBe(new string('9', 40));
        root.GetProperty("apply_lag_commits").GetInt32().ShouldBe(3);
        root.GetProperty("ages_recorded").GetBoolean().ShouldBeTrue();
        root.GetProperty("oldest_age_seconds").GetInt64().ShouldBe(7200);
        root.GetProperty("counts").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}").ShouldBe(
            ["apply-pending=1", "changed-in-etcd=1", "conflict-loser=1", "missing-in-etcd=1", "only-in-etcd=1", "pending-node-write=1"]);

        var differences = root.GetProperty("differences").EnumerateArray().ToList();
        differences.Count.ShouldBe(6);
        var changed = differences[1];
        changed.GetProperty("kind").GetString().ShouldBe("changed-in-etcd");
        changed.GetProperty("path").GetString().ShouldBe("network.yaml");
        changed.GetProperty("key").GetString().ShouldBe("/sigil/network");
        changed.GetProperty("first_seen").GetString().ShouldBe("2027-01-15T08:00:00Z");
        changed.GetProperty("age_seconds").GetInt64().ShouldBe(300);
        changed.GetProperty("covered_by_pending_apply").GetBoolean().ShouldBeTrue();
        changed.GetProperty("git_version").GetProperty("vector").GetProperty("git").GetInt64().ShouldBe(1_800_000_000);
        changed.GetProperty("etcd_version").GetProperty("vector").GetProperty("etcd").GetInt64().ShouldBeGreaterThan(0);
        differences[0].GetProperty("path").ValueKind.ShouldBe(JsonValueKind.Null);
        differences[0].GetProperty("commit").GetString().ShouldBe(new string('b', 40));
        differences[0].GetProperty("commits_behind").GetInt32().ShouldBe(3);
        differences[4].GetProperty("core").GetString().ShouldBe("core-1");
        differences[5].GetProperty("source").GetString().ShouldBe("reconcile");
        differences[2].GetProperty("etcd_version").GetProperty("sha256").GetString().ShouldBe(new string('0', 64));
    }

    [Test]
    public void The_json_document_starts_with_its_schema_number()
    {
        using var document = JsonDocument.Parse(DriftJson.Write(Report(new SnapshotBuilder().AppliedToEtcd())));

        var first = document.RootElement.EnumerateObject().First();
        (first.Name, first.Value.ValueKind, first.Value.GetInt32()).ShouldBe(("schema", JsonValueKind.Number, 1));
    }

    [Test]
    public void The_metrics_are_prometheus_text_with_the_build_and_every_kind_listed()
    {
        DriftMetrics.Render(Drifted(), Build).ShouldBe("""
            # HELP sigil_build_info The version and commit of the sigil that wrote this file; always 1.
            # TYPE sigil_build_info gauge
            sigil_build_info{version="0.1.0",commit="04264fd"} 1
            # HELP sigil_up 1 when the last drift check read etcd and the repository, 0 when it could not.
            # TYPE sigil_up gauge
            sigil_up 1
            # HELP sigil_drift_keys Differences between etcd and the branch tip, by kind.
            # TYPE sigil_drift_keys gauge
            sigil_drift_keys{kind="apply-pending"} 1
            sigil_drift_keys{kind="changed-in-etcd"} 1
            sigil_drift_keys{kind="conflict-loser"} 1
            sigil_drift_keys{kind="missing-in-etcd"} 1
            sigil_drift_keys{kind="only-in-etcd"} 1
            sigil_drift_keys{kind="pending-node-write",node="core-1"} 1
            # HELP sigil_drift_oldest_age_seconds How long the oldest difference has existed, in seconds (0 when in sync).
            # TYPE sigil_drift_oldest_age_seconds gauge
            sigil_drift_oldest_age_seconds 7200
            # HELP sigil_last_applied_commit_timestamp_seconds Committer time of the last commit applied to etcd, in Unix seconds (0 when none is known).
            # TYPE sigil_last_applied_commit_timestamp_seconds gauge
            sigil_last_applied_commit_timestamp_seconds 1799996400
            # HELP sigil_apply_lag_commits Commits of the branch not yet applied to etcd.
            # TYPE sigil_apply_lag_commits gauge
            sigil_apply_lag_commits 3
            # HELP sigil_conflicts_pending Losing versions kept under the prefix's .sigil/conflicts/, waiting for a person.
            # TYPE sigil_conflicts_pending gauge
            sigil_conflicts_pending 1
            # HELP sigil_conflicts_kept Kept conflict losers by area (a Core node's state/<core>/, or git), waiting for 'sigil conflicts resolve'.
            # TYPE sigil_conflicts_kept gauge
            sigil_conflicts_kept{area="git"} 1
            # HELP sigil_conflicts_oldest_age_seconds Age of the oldest kept conflict loser of each area, in seconds, from when it was kept.
            # TYPE sigil_conflicts_oldest_age_seconds gauge
            sigil_conflicts_oldest_age_seconds{area="git"} 7200
            # HELP sigil_drift_last_run_timestamp_seconds When the last drift check ran, in Unix seconds.
            # TYPE sigil_drift_last_run_timestamp_seconds gauge
            sigil_drift_last_run_timestamp_seconds 1800000300

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Test]
    public void When_etcd_cannot_be_read_the_metrics_say_only_that_and_the_build()
    {
        DriftMetrics.RenderDown(Now, Build).ShouldBe("""
            # HELP sigil_build_info The version and commit of the sigil that wrote this file; always 1.
            # TYPE sigil_build_info gauge
            sigil_build_info{version="0.1.0",commit="04264fd"} 1
            # HELP sigil_up 1 when the last drift check read etcd and the repository, 0 when it could not.
            # TYPE sigil_up gauge
            sigil_up 0
            # HELP sigil_drift_last_run_timestamp_seconds When the last drift check ran, in Unix seconds.
            # TYPE sigil_drift_last_run_timestamp_seconds gauge
            sigil_drift_last_run_timestamp_seconds 1800000300

            """);
    }

    [Test]
    public void Kept_losers_are_counted_by_area_with_the_oldest_s_age_and_as_one_zero_when_none()
    {
        var sides = new SnapshotBuilder().AppliedAt(Applied)
            .Put("/sigil/.sigil/conflicts/state/core-1/entries/e-7/0123456789abcdef", Conflict("2027-01-15T06:05:00Z", "git commit " + new string('c', 40), "/sigil/state/core-1/entries/e-7"))
            .Put("/sigil/.sigil/conflicts/state/core-1/entries/e-8/0123456789abcdef", Conflict("2027-01-15T08:00:00Z", "etcd", "/sigil/state/core-1/entries/e-8"))
            .Put("/sigil/.sigil/conflicts/network/0123456789abcdef", Conflict("2027-01-15T08:00:00Z", "etcd", "/sigil/network"));

        var lines = DriftMetrics.Render(Report(sides), Build).Split('\n');
        var none = DriftMetrics.Render(Report(new SnapshotBuilder().AppliedAt(Applied)), Build).Split('\n');

        lines.Where(l => l.StartsWith("sigil_conflicts_", StringComparison.Ordinal)).ShouldBe(
        [
            "sigil_conflicts_pending 3",
            "sigil_conflicts_kept{area=\"git\"} 1",
            "sigil_conflicts_kept{area=\"state/core-1/\"} 2",
            "sigil_conflicts_oldest_age_seconds{area=\"git\"} 300",
            "sigil_conflicts_oldest_age_seconds{area=\"state/core-1/\"} 7200",
        ]);
        none.Where(l => l.StartsWith("sigil_conflicts_", StringComparison.Ordinal)).ShouldBe(["sigil_conflicts_pending 0", "sigil_conflicts_kept 0", "sigil_conflicts_oldest_age_seconds 0"]);
    }
}
