using SigilGate.Domain.Access;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Explain;

namespace SigilGate.Workflows.Tests.Explain;

/// <summary>sigil explain reads the policy and the Core nodes at the branch's current tip, as pre-receive does.</summary>
public class AccessExplainerSpecs
{
    private InMemoryRepository repository = null!;

    [SetUp]
    public void AcceptedBase()
    {
        repository = new InMemoryRepository();
        repository.Commit("main", "base network", Network.Base);
    }

    [TearDown]
    public void Close() => repository.Dispose();

    private AccessExplanation Explain(string identity, params string[] paths) => new AccessExplainer(repository, "main").Explain(identity, paths);

    [Test]
    public void Each_path_gets_the_gate_s_decision()
    {
        var explanation = Explain("core-1", "state/core-1/entries/e-1.yaml", "./nodes/entry/e-1.yaml");

        explanation.Role.ShouldBe(Role.CoreNode);
        explanation.Decisions.Select(d => (d.Path, d.IsAllowed)).ShouldBe([("state/core-1/entries/e-1.yaml", true), ("nodes/entry/e-1.yaml", false)]);
        explanation.Decisions[1].Denial.ShouldBe("identity core-1 may only change state/core-1/");
        explanation.AllAllowed.ShouldBeFalse();
    }

    [Test]
    public void Paths_no_push_can_carry_are_each_refused_and_the_others_are_not()
    {
        var refused = AccessExplainer.RefusedPaths(["state/core-1/../core-2/entries/e-4.yaml", "./nodes/entry/e-1.yaml", "/abs", "nodes//entry/e-1.yaml"]);

        refused.Select(r => r.ToString()).ShouldBe(
        [
            "state/core-1/../core-2/entries/e-4.yaml: path component '..' is not allowed (git refuses to check it out)",
            "/abs: an absolute path: name the file relative to the repository's top, such as nodes/entry/e-1.yaml",
            "nodes//entry/e-1.yaml: has an empty path component ('//'): git names no file so",
        ]);
    }

    [Test]
    public void The_policy_is_read_at_the_current_tip()
    {
        repository.Commit("main", "alice becomes a root", ("sigil.yaml", "roots: [root, alice]\n"));

        var explanation = Explain("alice", "sigil.yaml");

        explanation.Role.ShouldBe(Role.Root);
        explanation.AllAllowed.ShouldBeTrue();
        explanation.Lines.LineOf(PolicyLines.Roots, "alice").ShouldBe(1);
        explanation.Tip.ShouldBe(repository.Branches["main"]);
    }

    [Test]
    public void A_missing_branch_is_named()
    {
        var missing = Should.Throw<NoPolicyException>(() => new AccessExplainer(repository, "trunk").Explain("alice", ["sigil.yaml"]));

        missing.Message.ShouldStartWith("branch trunk does not exist in the repository");
    }

    [Test]
    public void A_tip_without_a_policy_is_named()
    {
        var tip = repository.Commit("main", "policy removed", ("sigil.yaml", null));

        var missing = Should.Throw<NoPolicyException>(() => Explain("alice", "sigil.yaml"));

        missing.Message.ShouldStartWith($"no sigil.yaml at the tip of main ({tip[..7]})");
    }

    [Test]
    public void An_invalid_policy_is_not_guessed_at()
    {
        repository.Commit("main", "policy broken", ("sigil.yaml", "roots: [root]\nwriters: [alice]\n"));

        var invalid = Should.Throw<NoPolicyException>(() => Explain("alice", "network.yaml"));

        invalid.Message.ShouldStartWith("sigil.yaml at the tip of main (");
        invalid.Message.ShouldContain("does not validate: sigil.yaml:2:");
    }
}
