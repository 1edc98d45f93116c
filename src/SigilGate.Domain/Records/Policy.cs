namespace SigilGate.Domain.Records;

/// <summary>
/// <c>sigil.yaml</c>: <see cref="Roots"/> may change anything, <see cref="Operators"/> anything
/// but <c>sigil.yaml</c>. Identities are compared exactly as written.
/// </summary>
public sealed record Policy(IReadOnlyList<string> Roots, IReadOnlyList<string> Operators);
