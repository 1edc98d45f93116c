using SigilGate.Domain.Access;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Tests.Access;

/// <summary>How sigil explain words a decision: allowed or denied, the rule, and the line of sigil.yaml that lists the identity.</summary>
public class AccessTextSpecs
{
    private static readonly PolicyLines Lines = PolicyLines.Read(TreeFile.FromText("sigil.yaml", "# policy\nroots:\n  - root\noperators: [bob,\n  alice]\n"));

    private static string Explain(string identity, Role role, string path)
    {
        var decision = AccessRules.Decide(identity, role, path);
        return $"{AccessText.Verdict(decision)}: {AccessText.Reason(decision, Lines)}";
    }

    [Test]
    public void A_root_is_cited_at_its_line() =>
        Explain("root", Role.Root, "sigil.yaml").ShouldBe("allowed: root is a root (sigil.yaml: roots, line 3)");

    [Test]
    public void An_operator_is_cited_at_its_own_line_of_a_flow_list() =>
        Explain("alice", Role.Operator, "nodes/entry/e-7.yaml").ShouldBe("allowed: alice is an operator (sigil.yaml: operators, line 5)");

    [Test]
    public void An_operator_may_not_change_the_policy() =>
        Explain("bob", Role.Operator, "sigil.yaml").ShouldBe("denied: only roots may change sigil.yaml (bob is an operator, sigil.yaml: operators, line 4)");

    [Test]
    public void A_core_node_is_told_its_area() =>
        Explain("core-1", Role.CoreNode, "state/core-2/entries/e-9.yaml")
            .ShouldBe("denied: core-1 is a Core node (nodes/core/core-1.yaml exists) and may only change state/core-1/");

    [Test]
    public void A_core_node_in_its_area_is_allowed() =>
        Explain("core-1", Role.CoreNode, "state/core-1/entries/e-9.yaml")
            .ShouldBe("allowed: core-1 is a Core node (nodes/core/core-1.yaml exists) and may change state/core-1/");

    [Test]
    public void An_unknown_identity_is_named() =>
        Explain("mallory", Role.None, "README.md")
            .ShouldBe("denied: mallory is not a root or operator in sigil.yaml, and not a Core node (no nodes/core/mallory.yaml)");

    [Test]
    public void A_policy_that_cannot_be_read_cites_no_line()
    {
        var decision = AccessRules.Decide("alice", Role.Operator, "network.yaml");

        AccessText.Reason(decision, PolicyLines.Read(TreeFile.FromText("sigil.yaml", "roots: [\n"))).ShouldBe("alice is an operator");
    }

    [Test]
    public void The_json_document_starts_with_its_schema_and_gives_each_path_its_rule_and_line()
    {
        var decisions = new[] { AccessRules.Decide("alice", Role.Operator, "sigil.yaml"), AccessRules.Decide("alice", Role.Operator, "network.yaml") };
        var explanation = new AccessExplanation("main", "abc1234", "alice", Role.Operator, decisions, Lines);

        AccessJson.Write(explanation).ShouldBe(
            """{"schema":1,"branch":"main","tip":"abc1234","identity":"alice","role":"operator","all_allowed":false,"paths":["""
            + """{"path":"sigil.yaml","allowed":false,"rule":"policy-roots-only","reason":"only roots may change sigil.yaml (alice is an operator, sigil.yaml: operators, line 5)","policy_line":5},"""
            + """{"path":"network.yaml","allowed":true,"rule":"operator","reason":"alice is an operator (sigil.yaml: operators, line 5)","policy_line":5}]}""");
    }
}
