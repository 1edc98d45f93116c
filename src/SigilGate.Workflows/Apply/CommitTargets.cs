using SigilGate.Domain.Apply;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// The records a commit changes and what Git says each should become: reads only the changed
/// files (and their version sidecars), never the whole tree.
/// </summary>
/// <param name="Resolutions">The decisions about kept losers the step's commits record (<see cref="StepResolutions"/>).</param>
public sealed record CommitTargets(IReadOnlyList<RecordTarget> Targets, IReadOnlyList<string> Skipped, IReadOnlyList<ConflictResolution> Resolutions)
{
    public static CommitTargets For(IRepositoryReader repository, CommitStep step)
    {
        var records = RecordsOf(repository.ChangedPaths(step.BaseSha, step.Commit.Sha));
        var wanted = PathsOf(records);
        var files = repository.Files(step.Commit.Sha, wanted);
        var parsed = TreeValidator.Read(files);
        var before = Before(repository, step, wanted);
        var changedAt = ChangeTimes(repository, step);
        var resolutions = StepResolutions.Of(repository, step);
        var taken = resolutions.Where(r => r.Choice == ResolutionChoice.TakeLoser).Select(r => r.Record.Path).ToHashSet(StringComparer.Ordinal);
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

            var sidecar = parsed.Sidecars.GetValueOrDefault(path.Path);
            var vouched = GitVersions.Vouches(sidecar, record?.Sha256);
            var version = GitVersions.Of(record?.Sha256, sidecar, vouched ? step.Commit.CommitterTime : changedAt(path.Path));
            var previous = before(path);
            if (previous is not null) version = GitVersions.After(previous, version, () => changedAt(path.Path));
            targets.Add(new RecordTarget(path, record?.Json, version, previous?.Sha256 ?? (step.BaseSha is null ? null : RecordVersion.DeletedSha256)) { TakenByDecision = taken.Contains(path.Path) });
        }

        return new CommitTargets(targets, skipped, resolutions);
    }

    /// <summary>The files a step read at its base and at its commit when these <paramref name="changed"/> paths differ between the two: each synced record changed and its version sidecar.</summary>
    public static IReadOnlyList<string> PathsRead(IEnumerable<string> changed) => PathsOf(RecordsOf(changed));

    private static SortedDictionary<string, RecordPath> RecordsOf(IEnumerable<string> changed)
    {
        var records = new SortedDictionary<string, RecordPath>(StringComparer.Ordinal);
        foreach (var path in changed.Select(RecordPath.Parse))
        {
            var record = path.Kind == RecordKind.VersionSidecar ? path.SidecarTarget : path;
            if (record.IsSynced) records[record.Path] = record;
        }

        return records;
    }

    private static List<string> PathsOf(SortedDictionary<string, RecordPath> records) => records.Values.SelectMany(r => new[] { r.Path, r.SidecarPath }).ToList();

    /// <summary>
    /// When Git changed each record, for a record without a sidecar vouching for it: the commit that
    /// last changed it along first parents (<see cref="LastChange"/>), as the pusher and the gate date
    /// it. A step often spans several commits (a series, a merge); a record the tip itself changed
    /// needs no walk.
    /// </summary>
    private static Func<string, DateTimeOffset> ChangeTimes(IRepositoryReader repository, CommitStep step)
    {
        var tip = step.Commit;
        if (step.BaseSha is null) return _ => tip.CommitterTime;

        // A merge may have taken a record from its other side: only a walk says who changed it.
        if (tip.Parents.Count > 1) return path => LastChange.TimeOf(repository, tip, path);
        if (step.BaseSha == tip.FirstParent) return _ => tip.CommitterTime;
        var atTip = repository.ChangedPaths(tip.FirstParent, tip.Sha).ToHashSet(StringComparer.Ordinal);
        return path => atTip.Contains(path) ? tip.CommitterTime : LastChange.TimeOf(repository, tip, path);
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
