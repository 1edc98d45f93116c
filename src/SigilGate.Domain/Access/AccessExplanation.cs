namespace SigilGate.Domain.Access;

/// <summary>What <c>sigil explain</c> found: an identity's decisions for some paths at a branch's tip.</summary>
public sealed record AccessExplanation(string Branch, string Tip, string Identity, Role Role, IReadOnlyList<AccessDecision> Decisions, PolicyLines Lines)
{
    public bool AllAllowed => Decisions.All(decision => decision.IsAllowed);
}
