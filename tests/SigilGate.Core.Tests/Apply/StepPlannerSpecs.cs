using SigilGate.Core.Apply;
using SigilGate.Core.Tests.Drift;

namespace SigilGate.Core.Tests.Apply;

public class StepPlannerSpecs
{
    private LinearHistory history = null!;
    private string c1 = "", c2 = "", c3 = "";

    [SetUp]
    public void ThreeCommits()
    {
        history = new LinearHistory()
            .Commit("nodes/entry/e-1.yaml")
            .Commit("nodes/entry/e-2.yaml")
            .Commit("nodes/entry/e-3.yaml");
        (c1, c2, c3) = (history.Commits[0].Sha, history.Commits[1].Sha, history.Commits[2].Sha);
    }

    private static string[] Steps(IEnumerable<CommitStep> steps) => steps.Select(s => $"{s.BaseSha?[^1..] ?? "-"}>{s.Commit.Sha[^1..]}").ToArray();

    private static string[] Paths(CommitTargets targets) => targets.Targets.Select(t => t.Path.Path).ToArray();

    [Test]
    public void Pending_steps_go_commit_by_commit_from_the_applied_one_to_the_tip()
    {
        Steps(new StepPlanner(history).PendingSteps(c1, c3)).ShouldBe(["1>2", "2>3"]);
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
    public void When_etcd_holds_an_older_commit_than_planned_for_the_earlier_step_is_read_and_the_plan_serves_its_own_step()
    {
        var planner = new StepPlanner(history);
        planner.PlanAhead(c2, c3);

        var steps = planner.PendingSteps(c1, c3);
        var first = planner.TargetsOf(steps[0]);
        var second = planner.TargetsOf(steps[1]);

        Paths(first).ShouldBe(["nodes/entry/e-2.yaml"]);
        Paths(second).ShouldBe(["nodes/entry/e-3.yaml"]);
        history.ChangedPathsReads.ShouldBe(2);
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
