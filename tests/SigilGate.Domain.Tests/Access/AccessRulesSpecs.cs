using SigilGate.Domain.Access;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Tests.Access;

public class AccessRulesSpecs
{
    private static readonly Policy Policy = new(["root", "ada"], ["alice"]);
    private static readonly TreeSnapshot Tip = new([TreeFile.FromText("nodes/core/core-1.yaml", "id: core-1")]);

    [TestCase("root", Role.Root)]
    [TestCase("ada", Role.Root)]
    [TestCase("alice", Role.Operator)]
    [TestCase("core-1", Role.CoreNode)]
    [TestCase("core-2", Role.None)]
    [TestCase("mallory", Role.None)]
    [TestCase("../core-1", Role.None)]
    public void An_identity_gets_its_role_from_the_tip(string identity, Role expected) =>
        AccessRules.RoleOf(identity, Policy, Tip).ShouldBe(expected);

    [TestCase("root", Role.Root, "sigil.yaml", null)]
    [TestCase("alice", Role.Operator, "nodes/entry/e-1.yaml", null)]
    [TestCase("alice", Role.Operator, "state/core-1/entries/e-1.yaml", null)]
    [TestCase("alice", Role.Operator, "sigil.yaml", "identity alice may not change sigil.yaml: only roots may")]
    [TestCase("core-1", Role.CoreNode, "state/core-1/entries/e-1.yaml", null)]
    [TestCase("core-1", Role.CoreNode, ".sigil/versions/state/core-1/entries/e-1.yaml", null)]
    [TestCase("core-1", Role.CoreNode, "state/core-2/entries/e-9.yaml", "identity core-1 may only change state/core-1/")]
    [TestCase("core-1", Role.CoreNode, "state/core-10/entries/e-9.yaml", "identity core-1 may only change state/core-1/")]
    [TestCase("core-1", Role.CoreNode, "nodes/core/core-1.yaml", "identity core-1 may only change state/core-1/")]
    [TestCase("core-1", Role.CoreNode, ".sigil/versions/nodes/core/core-1.yaml", "identity core-1 may only change state/core-1/")]
    [TestCase("core-1", Role.CoreNode, "README.md", "identity core-1 may only change state/core-1/")]
    public void A_role_may_change_only_its_paths(string identity, Role role, string path, string? denial) =>
        AccessRules.Decide(identity, role, path).Denial.ShouldBe(denial);

    [TestCase("root", Role.Root, "sigil.yaml", AccessRule.RootMayChangeAnything)]
    [TestCase("alice", Role.Operator, "nodes/entry/e-1.yaml", AccessRule.OperatorMayChangeAllButPolicy)]
    [TestCase("alice", Role.Operator, "sigil.yaml", AccessRule.OnlyRootsMayChangePolicy)]
    [TestCase("core-1", Role.CoreNode, ".sigil/conflicts/state/core-1/entries/e-1.yaml", AccessRule.CoreNodeInOwnArea)]
    [TestCase("core-1", Role.CoreNode, "state/core-1x/entries/e-1.yaml", AccessRule.CoreNodeOutsideOwnArea)]
    [TestCase("mallory", Role.None, "README.md", AccessRule.UnknownIdentity)]
    public void A_decision_names_the_rule_that_made_it(string identity, Role role, string path, AccessRule rule)
    {
        var decision = AccessRules.Decide(identity, role, path);

        decision.Rule.ShouldBe(rule);
        decision.IsAllowed.ShouldBe(decision.Denial is null);
    }
}
