using SigilGate.Domain.Records;

namespace SigilGate.Domain.Access;

/// <summary>
/// Whether <see cref="Identity"/> may change <see cref="Path"/>, and the rule that decided: one value
/// for pre-receive (which prints <see cref="Denial"/>) and for <c>sigil explain</c> (which prints the rule).
/// </summary>
public sealed record AccessDecision(string Identity, string Path, Role Role, AccessRule Rule)
{
    public bool IsAllowed => Rule is AccessRule.RootMayChangeAnything or AccessRule.OperatorMayChangeAllButPolicy or AccessRule.CoreNodeInOwnArea;

    /// <summary>pre-receive's message for a denied path, or null when the path may be changed.</summary>
    public string? Denial => Rule switch
    {
        AccessRule.OnlyRootsMayChangePolicy => $"identity {Identity} may not change {RecordPath.PolicyFile}: only roots may",
        AccessRule.CoreNodeOutsideOwnArea => $"identity {Identity} may only change state/{Identity}/",
        AccessRule.UnknownIdentity => $"identity {Identity} may not change anything",
        _ => null,
    };
}
