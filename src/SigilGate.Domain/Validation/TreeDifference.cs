namespace SigilGate.Domain.Validation;

/// <summary>The paths where one tree differs from another (see <see cref="ValidatedTree.Against"/>).</summary>
/// <param name="Changed">Every path added, deleted, or holding another object or mode.</param>
/// <param name="Added">Those of <paramref name="Changed"/> that only the newer tree holds.</param>
public sealed record TreeDifference(IReadOnlyList<string> Changed, IReadOnlyList<string> Added);
