using SigilGate.Core.Git;
using SigilGate.Core.Records;
using SigilGate.Core.Validation;
using SigilGate.Core.Versioning;

namespace SigilGate.Core.Apply;

/// <summary>
/// The records a commit changes and what Git says each should become: reads only the changed
/// files (and their version sidecars), never the whole tree.
/// </summary>
public sealed record CommitTargets(IReadOnlyList<RecordTarget> Targets, IReadOnlyList<string> Skipped)
{
    public static CommitTargets For(IRepositoryReader repository, CommitStep step)
    {
        var changed = repository.ChangedPaths(step.BaseSha, step.Commit.Sha);
        var records = new SortedDictionary<string, RecordPath>(StringComparer.Ordinal);
        foreach (var path in changed.Select(RecordPath.Parse))
        {
            var record = path.Kind == RecordKind.VersionSidecar ? path.SidecarTarget : path;
            if (record.IsSynced) records[record.Path] = record;
        }

        var wanted = records.Values.SelectMany(r => new[] { r.Path, r.SidecarPath }).ToList();
        var files = repository.Files(step.Commit.Sha, wanted);
        var parsed = TreeValidator.Read(files);
        var before = Before(repository, step, wanted);
        var targets = new List<RecordTarget>();
        var skipped = new List<string>();
        foreach (var path in records.Values)
        {
            var record = parsed.Records.GetValueOrDefault(path.Path);
            if (record is null && files.Contains(path.Path))
            {
                // Only reachable for commits that bypassed pre-receive; never write what does not parse.
                skipped.Add(path.Path);
                continue;
            }

            var version = GitVersions.Of(record?.Sha256, parsed.Sidecars.GetValueOrDefault(path.Path), step.Commit.CommitterTime);
            var previous = before(path);
            if (previous is not null) version = GitVersions.After(previous, version);
            targets.Add(new RecordTarget(path, record?.Json, version, previous?.Sha256 ?? (step.BaseSha is null ? null : RecordVersion.DeletedSha256)));
        }

        return new CommitTargets(targets, skipped);
    }

    /// <summary>The version each record had at the step's base, when it had one.</summary>
    private static Func<RecordPath, RecordVersion?> Before(IRepositoryReader repository, CommitStep step, IReadOnlyList<string> paths)
    {
        if (step.BaseSha is null || repository.FindCommit(step.BaseSha) is not { } baseCommit) return _ => null;
        var parsed = TreeValidator.Read(repository.Files(baseCommit.Sha, paths));
        return path =>
        {
            var record = parsed.Records.GetValueOrDefault(path.Path);
            var sidecar = parsed.Sidecars.GetValueOrDefault(path.Path);
            return record is null && sidecar is null ? null : GitVersions.Of(record?.Sha256, sidecar, baseCommit.CommitterTime);
        };
    }
}
