using SigilGate.Domain.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Git;
using SigilGate.Domain.Records;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Drift;

/// <summary>Reads how far the applied pointer lags the branch tip (<see cref="ApplyLag"/>) from the repository's history.</summary>
public static class ApplyLagReader
{
    public static ApplyLag Read(IRepositoryReader repository, AppliedPointer pointer, CommitInfo? tip)
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
