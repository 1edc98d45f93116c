using SigilGate.Domain.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Drift;

namespace SigilGate.Workflows.Tests.Drift;

public class ApplyLagSpecs
{
    private static readonly InMemoryRepository History = Linear(
        ["sigil.yaml", "network.yaml", "nodes/core/core-1.yaml"],
        ["nodes/entry/e-7.yaml", "README.md"],
        [".sigil/versions/state/core-1/entries/e-7.yaml", "state/core-1/entries/e-7.yaml"],
        ["nodes/entry/e-8.yaml"]);

    private static IReadOnlyList<CommitInfo> Commits => History.FirstParentChain(null, History.BranchTip("main")!);

    // Commit n writes the paths given, with content only it has (what the lag reads is which paths changed).
    private static InMemoryRepository Linear(params string[][] commits)
    {
        var repository = new InMemoryRepository();
        for (var n = 1; n <= commits.Length; n++)
        {
            repository.Commit("main", $"commit {n}", [.. commits[n - 1].Select(p => (TreeChange)(p, $"written by commit {n}\n"))]);
        }

        return repository;
    }

    private static ApplyLag Lag(string? applied) =>
        ApplyLagReader.Read(History, applied is null ? AppliedPointer.None : new AppliedPointer(applied, null, 5), Commits[^1]);

    [Test]
    public void With_the_pointer_at_the_tip_nothing_is_pending()
    {
        var lag = Lag(Commits[^1].Sha);

        lag.IsPending.ShouldBeFalse();
        lag.AppliedCommit.ShouldBe(Commits[^1]);
        lag.Covers("nodes/entry/e-8").ShouldBeFalse();
    }

    [Test]
    public void Behind_the_tip_the_commits_after_the_pointer_are_pending_and_cover_the_records_they_change()
    {
        var lag = Lag(Commits[1].Sha);

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

        lag.Pending.ShouldBe([Commits[^1]]);
        lag.Covered.ShouldBeNull();
    }
}
