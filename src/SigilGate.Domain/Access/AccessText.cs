using SigilGate.Domain.Records;

namespace SigilGate.Domain.Access;

/// <summary>
/// The lines of <c>sigil explain</c>: per path, allowed or denied and the rule that decided, with the
/// line of <c>sigil.yaml</c> that lists the identity, e.g.
/// <c>nodes/entry/e-7.yaml: allowed: alice is an operator (sigil.yaml: operators, line 4)</c>.
/// </summary>
public static class AccessText
{
    public static IEnumerable<string> Lines(AccessExplanation explanation) =>
        explanation.Decisions.Select(decision => $"{decision.Path}: {Verdict(decision)}: {Reason(decision, explanation.Lines)}");

    public static string Verdict(AccessDecision decision) => decision.IsAllowed ? "allowed" : "denied";

    /// <summary>The rule that decided, in words.</summary>
    public static string Reason(AccessDecision decision, PolicyLines lines)
    {
        var identity = decision.Identity;
        var cited = lines.Cite(decision) is { } cite ? $" ({cite})" : "";
        var core = $"{identity} is a Core node ({AccessRules.CoreNodeFile(identity)} exists)";
        return decision.Rule switch
        {
            AccessRule.RootMayChangeAnything => $"{identity} is a root{cited}",
            AccessRule.OperatorMayChangeAllButPolicy => $"{identity} is an operator{cited}",
            AccessRule.OnlyRootsMayChangePolicy => $"only roots may change {RecordPath.PolicyFile} ({identity} is an operator{(cited.Length > 0 ? ", " + cited[2..^1] : "")})",
            AccessRule.CoreNodeInOwnArea => $"{core} and may change state/{identity}/",
            AccessRule.CoreNodeOutsideOwnArea => $"{core} and may only change state/{identity}/",
            _ => $"{identity} is not a root or operator in {RecordPath.PolicyFile}, and not a Core node (no {AccessRules.CoreNodeFile(identity)})",
        };
    }
}
