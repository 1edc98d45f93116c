using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Gate;

/// <summary>
/// A Core node's push must have seen what the branch holds: for every record it changes, its
/// version has to cover the tip's. Otherwise the node worked from a stale base, and accepting the
/// push would silently drop the change it never saw.
/// </summary>
public static class StaleVersionCheck
{
    /// <param name="pushedTree">The pushed commit's tree when the caller reads it already (what it has read is not read again).</param>
    public static IReadOnlyList<Diagnostic> Check(IRepositoryReader repository, string tipSha, string newSha, CommitTree? pushedTree = null)
    {
        var records = repository.ChangedPaths(tipSha, newSha)
            .Select(RecordPath.Parse)
            .Select(p => p.Kind == RecordKind.VersionSidecar ? p.SidecarTarget : p)
            .Where(p => p.Kind == RecordKind.EntryState)
            .DistinctBy(p => p.Path)
            .ToList();
        if (records.Count == 0) return [];

        var paths = records.SelectMany(r => new[] { r.Path, r.SidecarPath }).ToList();
        var tip = Versions(repository, new CommitTree(repository, tipSha), paths);
        var pushed = Versions(repository, pushedTree ?? new CommitTree(repository, newSha), paths);
        var problems = new List<Diagnostic>();
        foreach (var record in records)
        {
            var theirs = tip(record);
            var ours = pushed(record);
            if (!ours.Vector.Covers(theirs.Vector))
            {
                problems.Add(Diagnostic.InFile(record.Path, $"conflict: this push's version {ours.Vector} has not seen the branch's {theirs.Vector}"));
            }
        }

        return problems;
    }

    private static Func<RecordPath, RecordVersion> Versions(IRepositoryReader repository, CommitTree tree, IReadOnlyList<string> paths)
    {
        var commit = repository.FindCommit(tree.Sha)!;
        var parsed = TreeValidator.Read(new TreeSnapshot(tree.Files(paths)));
        bool Unvouched(string path)
        {
            var record = parsed.Records.GetValueOrDefault(path);
            var sidecar = parsed.Sidecars.GetValueOrDefault(path);
            return (record is not null || sidecar is not null) && !GitVersions.Vouches(sidecar, record?.Sha256);
        }

        // Records without a sidecar vouching for them are dated by the commits that changed them: all walked at once.
        var changedAt = LastChange.TimesOf(repository, commit, paths.Where(Unvouched));
        return path =>
        {
            var record = parsed.Records.GetValueOrDefault(path.Path);
            var sidecar = parsed.Sidecars.GetValueOrDefault(path.Path);

            // A record the branch never had has no version to have seen.
            return record is null && sidecar is null
                ? new RecordVersion(VersionVector.Empty, Writers.Git, commit.CommitterTime, RecordVersion.DeletedSha256)
                : GitVersions.Of(record?.Sha256, sidecar, changedAt.TryGetValue(path.Path, out var time) ? time : commit.CommitterTime);
        };
    }
}
