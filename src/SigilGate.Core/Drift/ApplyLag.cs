using SigilGate.Core.Apply;
using SigilGate.Core.Git;
using SigilGate.Core.Records;

namespace SigilGate.Core.Drift;

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

    public static ApplyLag Of(IRepositoryReader repository, AppliedPointer pointer, CommitInfo? tip)
    {
        var applied = pointer.Commit is null ? null : repository.FindCommit(pointer.Commit);
        if (tip is null || applied?.Sha == tip.Sha) return ApplyLag.None(pointer) with { AppliedCommit = applied };

        if (applied is null)
        {
            // Never applied (or the commit is gone): the whole first-parent history is pending.
            var chain = pointer.Commit is null ? repository.FirstParentChain(null, tip.Sha) : [tip];
            return new ApplyLag(pointer, null, chain, null);
        }

        if (!repository.IsAncestor(applied.Sha, tip.Sha))
        {
            // Rewritten history: the next apply goes from what etcd had straight to the tip, in one step.
            return new ApplyLag(pointer, applied, [tip], null);
        }

        var pending = repository.FirstParentChain(applied.Sha, tip.Sha).Where(c => !repository.IsAncestor(c.Sha, applied.Sha)).ToList();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in repository.ChangedPaths(applied.Sha, tip.Sha).Select(RecordPath.Parse))
        {
            var record = path.Kind == RecordKind.VersionSidecar ? path.SidecarTarget : path;
            if (record.IsSynced) covered.Add(record.KeySuffix);
        }

        return new ApplyLag(pointer, applied, pending, covered);
    }
}
