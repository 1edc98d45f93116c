using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

public class PolicyReaderSpecs
{
    [Test]
    public void Roots_and_operators_are_read_in_order()
    {
        var (policy, diagnostics) = PolicyReader.Read(TreeFile.FromText("sigil.yaml", "roots: [root, ops@example.net]\noperators:\n  - alice\n  - bob\n"));

        diagnostics.ShouldBeEmpty();
        policy.ShouldNotBeNull();
        policy.Roots.ShouldBe(["root", "ops@example.net"]);
        policy.Operators.ShouldBe(["alice", "bob"]);
    }

    [Test]
    public void Operators_are_optional()
    {
        var (policy, _) = PolicyReader.Read(TreeFile.FromText("sigil.yaml", "roots: [root]\n"));

        policy.ShouldNotBeNull().Operators.ShouldBeEmpty();
    }

    [Test]
    public void A_policy_with_any_problem_is_no_policy()
    {
        var (policy, diagnostics) = PolicyReader.Read(TreeFile.FromText("sigil.yaml", "roots: [root]\noperators: [alice, 'bob smith']\n"));

        policy.ShouldBeNull();
        diagnostics.Select(d => d.ToString()).ShouldBe(["sigil.yaml:2:20: identity 'bob smith' must not contain whitespace"]);
    }

    [Test]
    public void An_invalid_sigil_yaml_leaves_the_tree_without_policy()
    {
        var result = SigilGate.Domain.Validation.TreeValidator.Validate(ExampleTree.With(("sigil.yaml", "roots: []\n")));

        result.Policy.ShouldBeNull();
        result.Records.ShouldNotContainKey("sigil.yaml");
    }
}
