using SigilGate.Domain.Apply;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;

namespace SigilGate.Workflows.Tests.Apply;

public class StepPlannerSpecs
{
    private InMemoryRepository history = null!;
    private string c1 = "", c2 = "", c3 = "";

    [SetUp]
    public void ThreeCommits()
    {
        history = new InMemoryRepository();
        c1 = history.Commit("main", "commit 1", ("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443")));
        c2 = history.Commit("main", "commit 2", ("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-1", "10.0.0.2:443")));
        c3 = history.Commit("main", "commit 3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
    }

    // A step as "<base>><commit>" by commit number, "-" for no base.
    private string[] Steps(IEnumerable<CommitStep> steps) => steps.Select(s => $"{Number(s.BaseSha)}>{Number(s.Commit.Sha)}").ToArray();

    private string Number(string? sha) => sha is null ? "-" : (Array.IndexOf([c1, c2, c3], sha) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Paths(CommitTargets targets) => targets.All.Targets.Select(t => t.Path.Path).ToArray();

    [Test]
    public void The_pending_step_goes_straight_from_the_applied_commit_to_the_tip_whatever_lies_between()
    {
        var planner = new StepPlanner(history);

        var steps = planner.PendingSteps(c1, c3);

        Steps(steps).ShouldBe(["1>3"]);
        Paths(planner.TargetsOf(steps.Single())).ShouldBe(["nodes/entry/e-2.yaml", "nodes/entry/e-3.yaml"]);
    }

    [Test]
    public void With_nothing_applied_or_an_applied_commit_git_does_not_know_there_is_one_step_from_nothing()
    {
        var planner = new StepPlanner(history);

        Steps(planner.PendingSteps(null, c3)).ShouldBe(["->3"]);
        Steps(planner.PendingSteps(new string('f', 40), c3)).ShouldBe(["->3"]);
    }

    [Test]
    public void The_tip_already_applied_leaves_nothing_to_do()
    {
        new StepPlanner(history).PendingSteps(c3, c3).ShouldBeEmpty();
    }

    [Test]
    public void A_branch_moved_back_is_one_step_from_the_applied_commit_to_the_tip()
    {
        Steps(new StepPlanner(history).PendingSteps(c3, c2)).ShouldBe(["3>2"]);
    }

    [Test]
    public void A_step_planned_ahead_is_not_read_again_when_the_apply_reaches_it()
    {
        var planner = new StepPlanner(history);
        planner.PlanAhead(c2, c3);
        history.ChangedPathsReads.ShouldBe(1);

        var targets = planner.TargetsOf(planner.PendingSteps(c2, c3).Single());

        Paths(targets).ShouldBe(["nodes/entry/e-3.yaml"]);
        history.ChangedPathsReads.ShouldBe(1);
    }

    [Test]
    public void When_etcd_holds_an_older_commit_than_planned_for_the_plan_is_not_used_and_the_step_reads_both_commits_changes()
    {
        var planner = new StepPlanner(history);
        planner.PlanAhead(c2, c3);

        var step = planner.PendingSteps(c1, c3).Single();

        Paths(planner.TargetsOf(step)).ShouldBe(["nodes/entry/e-2.yaml", "nodes/entry/e-3.yaml"]);
        // The plan ahead's, then this step's and the tip's own (when each record changed), then the
        // walk of e-2 back from the tip (a reader of Git keeps a commit's changes: the tip's is not read twice).
        history.ChangedPathsReads.ShouldBe(5);
    }

    [Test]
    public void A_plan_from_nothing_is_not_used_for_a_step_from_a_commit()
    {
        var planner = new StepPlanner(history);
        planner.PlanAhead(null, c3);

        Paths(planner.TargetsOf(planner.PendingSteps(c2, c3).Single())).ShouldBe(["nodes/entry/e-3.yaml"]);
        Paths(planner.TargetsOf(planner.PendingSteps(null, c3).Single())).ShouldBe(["nodes/entry/e-1.yaml", "nodes/entry/e-2.yaml", "nodes/entry/e-3.yaml"]);
        history.ChangedPathsReads.ShouldBe(2);
    }
}
