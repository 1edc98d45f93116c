using SigilGate.Domain.Versioning;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;
using SigilGate.Domain.Drift;

namespace SigilGate.Workflows.Tests.Drift;

public class ApplyLagSpecs
{
    private static readonly LinearHistory History = new LinearHistory()
        .Commit("sigil.yaml", "network.yaml", "nodes/core/core-1.yaml")
        .Commit("nodes/entry/e-7.yaml", "README.md")
        .Commit(".sigil/versions/state/core-1/entries/e-7.yaml", "state/core-1/entries/e-7.yaml")
        .Commit("nodes/entry/e-8.yaml");

    private static ApplyLag Lag(string? applied) =>
        ApplyLagReader.Read(History, applied is null ? AppliedPointer.None : new AppliedPointer(applied, null, 5), History.Commits[^1]);

    [Test]
    public void With_the_pointer_at_the_tip_nothing_is_pending()
    {
        var lag = Lag(History.Commits[^1].Sha);

        lag.IsPending.ShouldBeFalse();
        lag.AppliedCommit.ShouldBe(History.Commits[^1]);
        lag.Covers("nodes/entry/e-8").ShouldBeFalse();
    }

    [Test]
    public void Behind_the_tip_the_commits_after_the_pointer_are_pending_and_cover_the_records_they_change()
    {
        var lag = Lag(History.Commits[1].Sha);

        lag.Pending.Select(c => c.Subject).ShouldBe(["commit 3", "commit 4"]);
        lag.AppliedCommit!.Subject.ShouldBe("commit 2");
        lag.Covered!.Order(StringComparer.Ordinal).ShouldBe(["nodes/entry/e-8", "state/core-1/entries/e-7"]);
        lag.Covers("nodes/entry/e-7").ShouldBeFalse();
    }

    [Test]
    public void Never_applied_the_whole_history_is_pending_and_covers_everything()
    {
        var lag = Lag(null);

        lag.Pending.Count.ShouldBe(4);
        lag.Covered.ShouldBeNull();
        lag.Covers("anything").ShouldBeTrue();
    }

    [Test]
    public void A_pointer_at_a_commit_the_branch_no_longer_has_is_one_step_to_the_tip_covering_everything()
    {
        var lag = Lag(new string('f', 40));

        lag.Pending.ShouldBe([History.Commits[^1]]);
        lag.Covered.ShouldBeNull();
    }
}
