using System.Text.Json;
using SigilGate.Domain.Reconcile;
using SigilGate.Domain.Tests.Drift;

namespace SigilGate.Domain.Tests.Reconcile;

public class ReconcileJsonSpecs
{
    private static ReconcilePlan Mixed() => ReconcilePlans.Mixed();

    private static JsonDocument Parse(ReconcileOutcome outcome, bool dryRun, int attempts = 1) =>
        JsonDocument.Parse(ReconcileJson.Write(new ReconcileResult(outcome, Mixed(), 123), dryRun, attempts));

    [Test]
    public void The_document_starts_with_its_schema_number_and_is_one_line()
    {
        var text = ReconcileJson.Write(new ReconcileResult(ReconcileOutcome.Done, Mixed(), 123), dryRun: false, attempts: 1);
        using var document = JsonDocument.Parse(text);

        text.ShouldNotContain('\n');
        var first = document.RootElement.EnumerateObject().First();
        (first.Name, first.Value.GetInt32()).ShouldBe(("schema", 1));
    }

    [Test]
    public void A_reconcile_names_its_target_outcome_revision_and_counts()
    {
        using var document = Parse(ReconcileOutcome.Done, dryRun: false, attempts: 2);
        var root = document.RootElement;

        root.GetProperty("dry_run").GetBoolean().ShouldBeFalse();
        root.GetProperty("outcome").GetString().ShouldBe("done");
        root.GetProperty("prefix").GetString().ShouldBe("/sigil");
        root.GetProperty("branch").GetString().ShouldBe("main");
        root.GetProperty("tip").GetString().ShouldBe(new string('a', 40));
        root.GetProperty("etcd_revision").GetInt64().ShouldBe(123);
        root.GetProperty("attempts").GetInt32().ShouldBe(2);
        root.GetProperty("counts").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}").ShouldBe(["put=2", "deleted=1", "kept=2", "left_alone=1"]);
    }

    [Test]
    public void Each_change_has_its_action_key_value_version_and_where_the_overwritten_value_is_kept()
    {
        var plan = Mixed();
        using var document = Parse(ReconcileOutcome.DryRun, dryRun: true);
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToList();

        document.RootElement.GetProperty("outcome").GetString().ShouldBe("dry-run");
        document.RootElement.GetProperty("dry_run").GetBoolean().ShouldBeTrue();
        changes.Select(c => $"{c.GetProperty("action").GetString()} {c.GetProperty("key").GetString()} {c.GetProperty("kind").GetString()}").ShouldBe(
        [
            "put /sigil/network changed-in-etcd",
            "put /sigil/nodes/core/core-1 missing-in-etcd",
            "delete /sigil/nodes/entry/e-9 only-in-etcd",
        ]);
        var network = changes[0];
        network.GetProperty("path").GetString().ShouldBe("network.yaml");
        network.GetProperty("value").GetProperty("name").GetString().ShouldBe("prod");
        network.GetProperty("version").GetProperty("writer").GetString().ShouldBe("git");
        network.GetProperty("kept_at").GetString().ShouldBe(plan.Actions.Single(a => a.Key == "/sigil/network").KeptAt);
        changes[1].GetProperty("kept_at").ValueKind.ShouldBe(JsonValueKind.Null);
        changes[2].TryGetProperty("value", out _).ShouldBeFalse();
        changes[2].GetProperty("path").GetString().ShouldBe("nodes/entry/e-9.yaml");
    }

    [Test]
    public void A_pending_node_write_left_alone_names_its_core_and_both_versions()
    {
        using var document = Parse(ReconcileOutcome.Done, dryRun: false);
        var left = document.RootElement.GetProperty("left_alone").EnumerateArray().ShouldHaveSingleItem();

        left.GetProperty("key").GetString().ShouldBe("/sigil/state/core-1/entries/e-7");
        left.GetProperty("path").GetString().ShouldBe("state/core-1/entries/e-7.yaml");
        left.GetProperty("core").GetString().ShouldBe("core-1");
        left.GetProperty("git_version").GetProperty("vector").GetProperty("git").GetInt64().ShouldBe(1_800_000_000);
        left.GetProperty("etcd_version").GetProperty("vector").GetProperty("core-1").GetInt64().ShouldBeGreaterThan(0);
    }

    [Test]
    public void Nothing_to_do_is_a_document_with_no_changes()
    {
        var plan = ReconcilePlanner.Plan(new SnapshotBuilder().AppliedToEtcd().Build(), force: false);
        using var document = JsonDocument.Parse(ReconcileJson.Write(new ReconcileResult(ReconcileOutcome.NothingToDo, plan, 100), dryRun: false, attempts: 1));

        document.RootElement.GetProperty("outcome").GetString().ShouldBe("nothing-to-do");
        document.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
        document.RootElement.GetProperty("left_alone").GetArrayLength().ShouldBe(0);
    }
}
