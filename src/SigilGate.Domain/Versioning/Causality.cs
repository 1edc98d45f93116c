namespace SigilGate.Domain.Versioning;

/// <summary>How two version vectors relate.</summary>
public enum Causality
{
    Equal,

    /// <summary>This version has seen the other and more: it replaces it.</summary>
    Dominates,

    /// <summary>The other version has seen this one: this one is obsolete.</summary>
    DominatedBy,

    /// <summary>Neither has seen the other: a conflict, resolved by <see cref="ConflictRule"/>.</summary>
    Concurrent,
}
