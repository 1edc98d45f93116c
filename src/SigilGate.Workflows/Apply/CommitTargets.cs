using SigilGate.Domain.Apply;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Git;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// The records a commit changes and what Git says each should become: reads only the changed
/// files (and their version sidecars), never the whole tree. The records are parsed a slice at a
/// time, when the apply reaches them, so a step of a whole network never holds every record at once.
/// </summary>
public sealed class CommitTargets
{
    private readonly CommitStep step;
    private readonly TreeSnapshot files;
    private readonly Func<IReadOnlyList<RecordPath>, Func<RecordPath, RecordVersion?>> before;
    private readonly Func<IEnumerable<string>, Func<string, DateTimeOffset>> changeTimes;
    private readonly Func<TreeFile, bool> heldBefore;
    private readonly HashSet<string> taken;

    private CommitTargets(CommitStep step, IReadOnlyList<RecordPath> paths, TreeSnapshot files, Func<IReadOnlyList<RecordPath>, Func<RecordPath, RecordVersion?>> before, Func<IEnumerable<string>, Func<string, DateTimeOffset>> changeTimes, Func<TreeFile, bool> heldBefore, IReadOnlyList<ConflictResolution> resolutions)
    {
        this.step = step;
        this.files = files;
        this.before = before;
        this.changeTimes = changeTimes;
        this.heldBefore = heldBefore;
        Paths = paths;
        Resolutions = resolutions;
        taken = resolutions.Where(r => r.Choice == ResolutionChoice.TakeLoser).Select(r => r.Record.Path).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The synced records the step changes, in path order.</summary>
    public IReadOnlyList<RecordPath> Paths { get; }

    /// <summary>The decisions about kept losers the step's commits record (<see cref="StepResolutions"/>).</summary>
    public IReadOnlyList<ConflictResolution> Resolutions { get; }

    /// <summary>Every record's target at once (a preview; a small step).</summary>
    public TargetSlice All => Slice(Paths);

    /// <summary>The targets, <paramref name="size"/> records at a time: each slice is read and parsed when it is called for.</summary>
    public IReadOnlyList<Func<TargetSlice>> Slices(int size) => Paths.Chunk(size).Select(paths => (Func<TargetSlice>)(() => Slice(paths))).ToList();

    public static CommitTargets For(IRepositoryReader repository, CommitStep step)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(step);
        var paths = RecordsOf(repository.ChangedPaths(step.BaseSha, step.Commit.Sha));
        var files = repository.Files(step.Commit.Sha, Wanted(paths));
        return new CommitTargets(step, paths, files, Before(repository, step, paths), ChangeTimes(repository, step), HeldBefore(repository, step), StepResolutions.Of(repository, step));
    }

    /// <summary>The files a step read at its base and at its commit when these <paramref name="changed"/> paths differ between the two: each synced record changed and its version sidecar.</summary>
    public static IReadOnlyList<string> PathsRead(IEnumerable<string> changed) => Wanted(RecordsOf(changed)).ToList();

    /// <summary>The synced records among <paramref name="changed"/> paths (a changed sidecar stands for its record), in path order.</summary>
    private static List<RecordPath> RecordsOf(IEnumerable<string> changed)
    {
        var records = new SortedDictionary<string, RecordPath>(StringComparer.Ordinal);
        foreach (var path in changed.Select(RecordPath.Parse))
        {
            var record = path.Kind == RecordKind.VersionSidecar ? path.SidecarTarget : path;
            if (record.IsSynced) records[record.Path] = record;
        }

        return [.. records.Values];
    }

    private static IEnumerable<string> Wanted(IEnumerable<RecordPath> paths) => paths.SelectMany(r => new[] { r.Path, r.SidecarPath });

    private TargetSlice Slice(IReadOnlyList<RecordPath> paths)
    {
        var parsed = TreeValidator.Read(new TreeSnapshot(Wanted(paths).Select(files.Find).OfType<TreeFile>()));
        var previousOf = before(paths);
        var unvouched = paths
            .Where(path => !GitVersions.Vouches(parsed.Sidecars.GetValueOrDefault(path.Path), parsed.Records.GetValueOrDefault(path.Path)?.Sha256))
            .Select(path => path.Path)
            .ToHashSet(StringComparer.Ordinal);
        var changedAt = changeTimes(unvouched);
        var targets = new List<RecordTarget>(paths.Count);
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            var record = parsed.Records.GetValueOrDefault(path.Path);
            if (record is null && files.Contains(path.Path))
            {
                // Only reachable for commits that bypassed pre-receive; never write what does not parse.
                skipped.Add(path.Path);
                continue;
            }

            var sidecar = parsed.Sidecars.GetValueOrDefault(path.Path);
            var vouched = !unvouched.Contains(path.Path);
            var version = GitVersions.Of(record?.Sha256, sidecar, vouched ? step.Commit.CommitterTime : changedAt(path.Path));
            var previous = previousOf(path);
            if (previous is not null)
            {
                var sidecarFile = vouched ? files.Find(path.SidecarPath) : null;
                version = GitVersions.After(previous, version, () => changedAt(path.Path), () => sidecarFile is not null && heldBefore(sidecarFile));
            }

            targets.Add(new RecordTarget(path, record?.Json, version, previous?.Sha256 ?? (step.BaseSha is null ? null : RecordVersion.DeletedSha256)) { TakenByDecision = taken.Contains(path.Path) });
        }

        return new TargetSlice(targets, skipped);
    }

    /// <summary>
    /// When Git changed each record, for a record without a sidecar vouching for it: the commit that
    /// last changed it along first parents (<see cref="LastChange"/>), as the pusher and the gate date
    /// it. A step often spans several commits (a series, a merge); a record the tip itself changed
    /// needs no walk.
    /// </summary>
    /// <remarks>
    /// Given the records of a slice that have no sidecar vouching for them, the times of a slice: those
    /// records are walked together, once one of them is asked for; any other is walked on its own.
    /// </remarks>
    private static Func<IEnumerable<string>, Func<string, DateTimeOffset>> ChangeTimes(IRepositoryReader repository, CommitStep step)
    {
        var tip = step.Commit;
        if (step.BaseSha is null) return _ => _ => tip.CommitterTime;

        // A merge may have taken a record from its other side: only a walk says who changed it.
        if (tip.Parents.Count > 1) return unvouched => Walked(repository, tip, unvouched.ToList());
        if (step.BaseSha == tip.FirstParent) return _ => _ => tip.CommitterTime;
        var atTip = repository.ChangedPaths(tip.FirstParent, tip.Sha).ToHashSet(StringComparer.Ordinal);
        return unvouched =>
        {
            var walked = Walked(repository, tip, unvouched.Where(path => !atTip.Contains(path)).ToList());
            return path => atTip.Contains(path) ? tip.CommitterTime : walked(path);
        };
    }

    private static Func<string, DateTimeOffset> Walked(IRepositoryReader repository, CommitInfo tip, IEnumerable<string> paths)
    {
        var times = new Lazy<IReadOnlyDictionary<string, DateTimeOffset>>(() => LastChange.TimesOf(repository, tip, paths));
        return path => times.Value.TryGetValue(path, out var time) ? time : LastChange.TimeOf(repository, tip, path);
    }

    /// <summary>Whether the branch held a sidecar file's very content at the step's base or before it (<see cref="SidecarHistory"/>).</summary>
    private static Func<TreeFile, bool> HeldBefore(IRepositoryReader repository, CommitStep step) =>
        sidecar => step.BaseSha is { } baseSha && SidecarHistory.HeldAtOrBefore(repository, baseSha, sidecar.Path, sidecar.ObjectId);

    /// <summary>For a slice of records, the version each had at the step's base, when it had one.</summary>
    private static Func<IReadOnlyList<RecordPath>, Func<RecordPath, RecordVersion?>> Before(IRepositoryReader repository, CommitStep step, IReadOnlyList<RecordPath> paths)
    {
        if (step.BaseSha is null || repository.FindCommit(step.BaseSha) is not { } baseCommit) return _ => _ => null;
        var files = repository.Files(baseCommit.Sha, Wanted(paths));
        return slice =>
        {
            var parsed = TreeValidator.Read(new TreeSnapshot(Wanted(slice).Select(files.Find).OfType<TreeFile>()));
            return path =>
            {
                var record = parsed.Records.GetValueOrDefault(path.Path);
                var sidecar = parsed.Sidecars.GetValueOrDefault(path.Path);
                return record is null && sidecar is null ? null : GitVersions.Of(record?.Sha256, sidecar, baseCommit.CommitterTime);
            };
        };
    }
}
