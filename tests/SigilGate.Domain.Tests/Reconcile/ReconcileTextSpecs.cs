using SigilGate.Domain.Reconcile;
using SigilGate.Domain.Tests.Drift;

namespace SigilGate.Domain.Tests.Reconcile;

public class ReconcileTextSpecs
{
    private static ReconcilePlan Mixed() => ReconcilePlans.Mixed();

    [Test]
    public void A_dry_run_prints_a_header_and_one_line_per_key_as_pre_receive_prints_operations()
    {
        var plan = Mixed();
        var keptNetwork = plan.Actions.Single(a => a.Key == "/sigil/network").KeptAt;
        var keptE9 = plan.Actions.Single(a => a.Key == "/sigil/nodes/entry/e-9").KeptAt;
        var nodeWrite = plan.Actions.Single(a => a.Key == "/sigil/state/core-1/entries/e-7").Difference.EtcdVersion!.Vector["core-1"];

        ReconcileText.Lines(plan, dryRun: true).ShouldBe(
        [
            "sigil: dry run: reconcile of etcd /sigil to main at aaaaaaa would make 3 changes (2 put, 1 delete), 1 left alone:",
            $"  put /sigil/network {{\"name\":\"prod\"}}; etcd's value kept at {keptNetwork}",
            "  put /sigil/nodes/core/core-1 {\"address\":\"10.0.1.1:7000\",\"id\":\"core-1\",\"region\":\"eu-west\"}",
            $"  delete /sigil/nodes/entry/e-9; etcd's value kept at {keptE9}",
            $"  leave /sigil/state/core-1/entries/e-7: pending node write of core-1 (etcd {{core-1:{nodeWrite}, git:1800000000}} has seen git {{git:1800000000}}); --force overwrites it",
        ]);
    }

    [Test]
    public void A_reconcile_says_what_it_did_and_where_the_pointer_is()
    {
        ReconcileText.Header(Mixed(), dryRun: false).ShouldBe("sigil: reconcile of etcd /sigil to main at aaaaaaa: 3 changes (2 put, 1 delete), 1 left alone:");
        ReconcileText.Done(Mixed(), 123).ShouldBe("sigil: reconciled: 2 put, 1 deleted, 2 kept under /sigil/.sigil/conflicts/; applied pointer at aaaaaaa (etcd revision 123)");
    }

    [Test]
    public void Nothing_to_do_is_one_line()
    {
        ReconcileText.Lines(ReconcilePlanner.Plan(new SnapshotBuilder().AppliedToEtcd().Build(), force: false), dryRun: false)
            .ShouldBe(["sigil: etcd /sigil already holds main at aaaaaaa: nothing to do"]);
    }

    [Test]
    public void The_mass_delete_refusal_names_the_numbers_the_setting_and_the_way_out()
    {
        var sides = new SnapshotBuilder().AppliedToEtcd();
        for (var i = 0; i < 6; i++) sides.Put($"/sigil/nodes/entry/x-{i}", "{}");

        ReconcileText.MassDelete(ReconcilePlanner.Plan(sides.Build(), force: false), 0.5).ShouldBe(
            "reconcile would delete 6 of 10 data keys (60%), more than Sigil:MassDeleteShare allows (50%); check the branch, the prefix and the repository, then run again with --allow-mass-delete if this is intended");
    }
}
