using SigilGate.Domain.Apply;
using SigilGate.Domain.Git;

namespace SigilGate.Domain.Drift;

/// <summary>
/// How far the <c>.sigil/applied</c> pointer is behind the branch tip: the commits not yet applied,
/// and the records they change (<see cref="Covered"/>; null when every record may change, as when
/// nothing was ever applied or the applied commit is not in the branch's history).
/// </summary>
public sealed record ApplyLag(AppliedPointer Pointer, CommitInfo? AppliedCommit, IReadOnlyList<CommitInfo> Pending, IReadOnlySet<string>? Covered)
{
    public bool IsPending => Pending.Count > 0;

    public static ApplyLag None(AppliedPointer pointer) => new(pointer, null, [], new HashSet<string>());

    /// <summary>True when a commit not yet applied may change the record at <paramref name="suffix"/>.</summary>
    public bool Covers(string suffix) => IsPending && (Covered is null || Covered.Contains(suffix));
}
