using System.Globalization;
using SigilGate.Domain.Access;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Mirror;

/// <summary>
/// Mirrors a Core node's area of etcd (<c>&lt;prefix&gt;/state/&lt;node&gt;/</c>) into Git: one
/// consistent read of the area, a decision per changed record by the version vectors, one commit,
/// a push; on rejection <c>git pull --rebase</c>, and when that is not enough, the decisions are
/// made again on the new tip. Everything it commits is derived from etcd, so a crash at any point
/// is repaired by running again.
/// </summary>
public sealed class NodeMirror(string node, IKeyValueStore store, IWorkingClone clone, IMirrorJournal journal, KeyLayout keys, TimeProvider clock, Action<string> say)
{
    /// <summary>
    /// What every run lists of the node's area: its records' data keys and the conflict losers kept
    /// for them. Version keys are read for the records that changed, and listed only when the whole
    /// area is read (see <see cref="WholeAreaOnly"/>): only the suite writes one without its data
    /// key (an apply or a reconcile of Git's own content, or this pusher recording what it pushed),
    /// so a version key changing alone never brings content Git lacks, and listing 10,000 of them
    /// would cost etcd a read of each on every run.
    /// </summary>
    private IReadOnlyList<string> AreaPrefixes => [keys.Data($"state/{node}/"), keys.ConflictsRoot + $"state/{node}/"];

    /// <summary>
    /// Listed when every record is decided again (a first run, a full resync): a record whose data
    /// key was deleted keeps its version key, which is how such a run still finds the deletion.
    /// </summary>
    private IReadOnlyList<string> WholeAreaOnly => [keys.Version($"state/{node}/")];

    /// <summary>
    /// Decide and report only: no fetch, no file written, no commit, no push, no journal, nothing in
    /// etcd. The decisions are made against the clone's HEAD as the last run left it.
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// How long after its start a run may still try again after losing the race for the branch
    /// (another node pushed first). Well inside cron's minute, the shortest interval: a run that
    /// is still pushing when the next one starts makes that one a no-op (the lock), not a collision.
    /// </summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>The ceiling of the first pause after a lost race; it doubles with each loss, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The largest ceiling a pause is drawn under (see <see cref="RetryBudget"/>).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Draws the pauses; fixed seeds make specs repeatable.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The server's per-request limits; write-backs are packed to fit them.</summary>
    public StoreLimits Limits { get; init; } = StoreLimits.Default;

    // Few enough that falling back to one transaction per record after a failed guard stays cheap.
    private const int RecordsPerTransaction = 32;

    public async Task<MirrorReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var retries = new RetryBudget(clock, RetryFor, Backoff, MaxBackoff, Random);
        var state = journal.Load();

        // A run that has a journal was checked when it wrote it; it is checked again when it has work, on the synced tip.
        var firstRun = state.Revision == 0;
        if (firstRun) await CheckCoreNodeAsync(cancellationToken).ConfigureAwait(false);
        var (area, changed) = await ReadAreaAsync(state, cancellationToken).ConfigureAwait(false);
        CrashPoint.Reach("push.area-read");
        if (!area.HasNews && state.Unsettled.Count == 0)
        {
            // Nothing new: the next run lists from here (a few bytes written, only when etcd moved on).
            if (!DryRun && (area.Revision != state.Revision || state.Settled.Count > 0)) journal.Save(Seen(area));
            return new MirrorReport(MirrorResult.Idle, area.Revision, [], 0);
        }

        var pushes = 0;
        for (var round = 1; ; round++)
        {
            if (round > 1)
            {
                // Deciding again comes seconds later: it mirrors what etcd holds now, not what the first read saw.
                (area, changed) = await ReadAreaAsync(state, cancellationToken).ConfigureAwait(false);
            }

            var losers = area.Written.Where(k => IsKeptLoser(k.Key)).Select(k => area.Values.GetValueOrDefault(k.Key)).OfType<StoredValue>().ToList();
            if (!DryRun) await clone.SyncToRemoteAsync(cancellationToken).ConfigureAwait(false);
            if (round == 1 && !firstRun) await CheckCoreNodeAsync(cancellationToken).ConfigureAwait(false);
            var unsettled = new HashSet<string>(StringComparer.Ordinal);
            var outcomes = Decide(area, changed, losers, unsettled);
            var files = outcomes.SelectMany(o => o.Files).ToList();
            if (files.Count == 0)
            {
                if (!DryRun) journal.Save(Seen(area) with { Unsettled = unsettled });
                return new MirrorReport(MirrorResult.NothingToPush, area.Revision, outcomes, pushes);
            }

            if (DryRun)
            {
                return new MirrorReport(MirrorResult.WouldPush, area.Revision, outcomes, 0) { CommitMessage = MirrorCommitMessage.Build(node, area.Revision, outcomes) };
            }

            await clone.WriteAsync(files, cancellationToken).ConfigureAwait(false);
            CrashPoint.Reach("push.files-written");
            await clone.CommitAsync(MirrorCommitMessage.Build(node, area.Revision, outcomes), cancellationToken).ConfigureAwait(false);
            CrashPoint.Reach("push.committed");

            // Pushed, refused, out of time, or (null) the tip changed the node's own area: decide again.
            var pushed = await PushUntilSettledAsync(retries, () => ++pushes, cancellationToken).ConfigureAwait(false);
            if (pushed is null) continue;
            if (pushed.Status == PushStatus.Refused)
            {
                // Not a race: the server refuses this identity or this change, and would refuse it again.
                return new MirrorReport(MirrorResult.Refused, area.Revision, [], pushes) { RemoteMessages = pushed.Messages };
            }

            if (pushed.Status == PushStatus.Rejected) return new MirrorReport(MirrorResult.GaveUp, area.Revision, [], pushes);

            CrashPoint.Reach("push.pushed");
            var afterPush = await RecordVersionsAsync(area, outcomes, cancellationToken).ConfigureAwait(false);
            CrashPoint.Reach("push.versions-recorded");
            journal.Save(Seen(area) with { Settled = await SettledRevisionsAsync(area, outcomes, afterPush, cancellationToken).ConfigureAwait(false), Unsettled = unsettled });
            return new MirrorReport(MirrorResult.Pushed, area.Revision, outcomes, pushes) { Commit = clone.Head() };
        }
    }

    /// <summary>
    /// Stops the run unless the node is a Core node of the network: its node file exists at the
    /// clone's tip. A first run (no journal yet) is checked before anything else, the idle shortcut
    /// included: a mistyped <c>--node</c> would otherwise read an empty area and be idle forever,
    /// and as it never writes a journal every run of it stays a first run. Later runs are checked
    /// only when they have work, so an idle run reads no repository. One path looked up, no tree
    /// read. A clone older than the node's file is brought to the remote tip and asked again
    /// (not in a dry run, which fetches nothing).
    /// </summary>
    private async Task CheckCoreNodeAsync(CancellationToken cancellationToken)
    {
        var file = AccessRules.CoreNodeFile(node);
        if (HoldsAtHead(file)) return;
        if (!DryRun)
        {
            await clone.SyncToRemoteAsync(cancellationToken).ConfigureAwait(false);
            if (HoldsAtHead(file)) return;
        }

        throw new NotACoreNodeException($"{node} is not a Core node of the network: there is no {file} at the tip of the clone ({clone.Head()[..7]}); check --node, or add the node's file first");
    }

    private bool HoldsAtHead(string path)
    {
        using var repository = clone.Open();
        return repository.Files(clone.Head(), [path]).Contains(path);
    }

    /// <summary>
    /// Pushes the commit just made; after each lost race, a pause (<see cref="RetryBudget"/>), then
    /// <c>git pull --rebase</c> and the same commit pushed again: other nodes' pushes change other
    /// areas, so the decisions made still hold and neither etcd nor the whole clone is read again.
    /// Returns null when the decisions must be made again: the rebase stopped on a change to the
    /// node's own files, or the gate rejected a rebased push (a version it finds stale). The last
    /// rejection is returned when the budget is spent.
    /// </summary>
    private async Task<PushOutcome?> PushUntilSettledAsync(RetryBudget retries, Func<int> counted, CancellationToken cancellationToken)
    {
        var rebased = false;
        while (true)
        {
            var attempt = counted();
            var outcome = await clone.PushAsync(node, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == PushStatus.Failed) throw new InvalidOperationException("git push failed: " + outcome.Messages.Trim());
            if (outcome.Status is PushStatus.Accepted or PushStatus.Refused) return outcome;

            say("push rejected by the remote:");
            foreach (var line in outcome.Messages.Split('\n', StringSplitOptions.RemoveEmptyEntries)) say("  " + line.TrimEnd());
            CrashPoint.Reach("push.rejected");

            // The gate's own rejection names a stale version; a rebase alone cured it once, not twice.
            var decideAgain = rebased && outcome.Messages.Contains(RebaseHint.Text, StringComparison.Ordinal);
            var used = retries.Elapsed;
            if (retries.NextPause() is not { } pause)
            {
                say($"push rejected (attempt {attempt}); the {Seconds(retries.Budget)} s retry budget is spent ({Seconds(used)} s)");
                return outcome;
            }

            var next = decideAgain ? "deciding again on the new tip" : "rebasing onto the new tip and pushing again";
            say($"push rejected (attempt {attempt}, {Seconds(used)} s of the {Seconds(retries.Budget)} s retry budget used); {next} in {pause.TotalMilliseconds:F0} ms");
            await Task.Delay(pause, clock, cancellationToken).ConfigureAwait(false);
            if (decideAgain) return null;

            // Someone pushed first. A clean rebase keeps our commit on top; the gate re-checks its vectors.
            if (!await clone.PullRebaseAsync(cancellationToken).ConfigureAwait(false))
            {
                say("the new tip changed the node's own files; deciding again on it");
                return null;
            }

            CrashPoint.Reach("push.rebased");
            rebased = true;
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// What changed in the area since the last run, then the values it needs: each changed
    /// record's data and version key (both, as a decision needs the pair) and new kept losers.
    /// Returns the read and the changed records' key suffixes.
    /// </summary>
    private async Task<(AreaRead Area, HashSet<string> Changed)> ReadAreaAsync(MirrorState state, CancellationToken cancellationToken)
    {
        HashSet<string> changed = [];
        var area = await AreaRead.ReadAsync(store, AreaPrefixes, WholeAreaOnly, state, (written, deleted) =>
        {
            // Values left invalid by the last run are decided again, and so reported again, until they change or go.
            changed = ChangedSuffixes(written.Select(k => k.Key).Concat(deleted).Concat(state.Unsettled.Where(k => k.StartsWith(AreaPrefixes[0], StringComparison.Ordinal))));
            var wanted = changed.SelectMany(s => new[] { keys.Data(s), keys.Version(s) }).ToList();
            wanted.AddRange(written.Select(k => k.Key).Where(IsKeptLoser));
            return wanted;
        }, cancellationToken).ConfigureAwait(false);
        return (area, changed);
    }

    /// <summary>The journal after a run that read <paramref name="area"/> and left nothing of it to look at again.</summary>
    private static MirrorState Seen(AreaRead area) => new(area.Revision, area.KeyCount, new Dictionary<string, long>());

    private bool IsKeptLoser(string key) => key.StartsWith(keys.ConflictsRoot, StringComparison.Ordinal);

    /// <summary>
    /// The push itself makes the server rewrite keys of the area (post-receive brings the version
    /// keys up to date, re-putting the same data, and keeps the losers of conflicts). Those rewrites
    /// are not news: a listed key is settled at its new revision when its data is what was read, or
    /// when it is a loser this push kept (its copy is in the repository now). Only the keys of the
    /// records pushed are read again (post-receive writes no others of the area); anything else
    /// written since the read, or deleted, is news for the next run.
    /// </summary>
    /// <param name="afterPush">The pushed records' keys as read after the push, when this run wrote none of them since.</param>
    private async Task<IReadOnlyDictionary<string, long>> SettledRevisionsAsync(AreaRead before, IReadOnlyList<MirrorOutcome> outcomes, IReadOnlyDictionary<string, StoredValue>? afterPush, CancellationToken cancellationToken)
    {
        var read = before.Values;
        var settled = new Dictionary<string, long>(StringComparer.Ordinal);
        var now = afterPush ?? (await store.GetManyAsync(PushedKeys(outcomes), cancellationToken).ConfigureAwait(false)).ByKey();
        foreach (var (key, value) in now)
        {
            // Not written since the read: the next listing starts after it anyway.
            // Version keys are never listed, so never news.
            if (value.ModRevision <= before.Revision || key.StartsWith(keys.VersionsRoot, StringComparison.Ordinal)) continue;
            var same = read.TryGetValue(key, out var old) && old.Value == value.Value;
            if (same || IsKeptLoser(key)) settled[key] = value.ModRevision;
        }

        return settled;
    }

    /// <summary>The keys a push of these outcomes can make the server write: each record's data and version key, and the losers kept for it.</summary>
    private List<string> PushedKeys(IReadOnlyList<MirrorOutcome> outcomes)
    {
        var pushed = new List<string>();
        foreach (var outcome in outcomes.Where(o => o.ChangesGit && o.Kind != MirrorOutcomeKind.KeptLoser))
        {
            var suffix = outcome.Path.KeySuffix;
            pushed.Add(keys.Data(suffix));
            pushed.Add(keys.Version(suffix));
            if (outcome.Loser is not null) pushed.Add(keys.Conflict(suffix, outcome.Loser.Sha256));
        }

        return pushed;
    }

    private HashSet<string> ChangedSuffixes(IEnumerable<string> changedKeys)
    {
        var suffixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in changedKeys)
        {
            if (Suffix(key) is { } suffix) suffixes.Add(suffix);
        }

        return suffixes;
    }

    private string? Suffix(string key) =>
        key.StartsWith(keys.VersionsRoot, StringComparison.Ordinal) ? key[keys.VersionsRoot.Length..] : keys.SuffixOfData(key);

    /// <param name="unsettled">Filled with the data keys whose values were found invalid (reported, not mirrored).</param>
    private List<MirrorOutcome> Decide(AreaRead area, IReadOnlySet<string> changed, IReadOnlyList<StoredValue> losers, ISet<string> unsettled)
    {
        using var repository = clone.Open();
        var head = repository.FindCommit(clone.Head()) ?? throw new InvalidOperationException("the clone has no commit at HEAD");
        var byKey = area.Values;
        var paths = changed.Select(s => (Suffix: s, Path: RecordPath.FromKeySuffix(s))).ToList();
        var loserPaths = losers.Select(l => (Value: l, Path: RecordPath.ConflictRoot + l.Key[keys.ConflictsRoot.Length..] + ".json")).ToList();
        var wanted = paths.Where(p => p.Path is not null).SelectMany(p => Related(p.Path!)).Concat(loserPaths.Select(l => l.Path));
        var tree = repository.Files(head.Sha, wanted);
        var git = TreeValidator.Read(tree);
        var now = clock.GetUtcNow();

        var outcomes = new List<MirrorOutcome>();
        foreach (var (suffix, path) in paths.OrderBy(p => p.Suffix, StringComparer.Ordinal))
        {
            if (path is null || path.Core != node)
            {
                // Reported while the key is there: once deleted (the deletion or the last run's report
                // brings it back here) there is nothing to report and nothing to mirror.
                if (!byKey.ContainsKey(keys.Data(suffix))) continue;
                unsettled.Add(keys.Data(suffix));
                outcomes.Add(NotARecord(suffix));
                continue;
            }

            var stored = new StoredRecord(byKey.GetValueOrDefault(keys.Data(suffix)), byKey.GetValueOrDefault(keys.Version(suffix)));
            var record = git.Records.GetValueOrDefault(path.Path);
            var sidecar = git.Sidecars.GetValueOrDefault(path.Path);
            var side = record is null && sidecar is null ? TipRecord.None : new TipRecord(record, TipVersion.Of(repository, head, path.Path, record?.Sha256, sidecar, stored.RecordedVersion));
            var outcome = MirrorDecision.Decide(path, stored, side, node, now, r => CrossCheck(r, tree));
            if (outcome.Kind == MirrorOutcomeKind.Invalid && stored.Data is not null) unsettled.Add(stored.Data.Key);
            outcomes.Add(outcome);
        }

        // Losers kept in etcd (by post-receive or reconcile) are copied into the repository once.
        foreach (var (value, path) in loserPaths.Where(l => !tree.Contains(l.Path)))
        {
            // Only what the suite kept goes into Git; anything else under conflicts/ stops the run, named.
            ConflictRecord.Parse(value);
            var kept = RecordPath.Parse(path);
            if (kept.Kind == RecordKind.KeptConflict) outcomes.Add(new MirrorOutcome(kept, MirrorOutcomeKind.KeptLoser, [new FileChange(path, value.Value + "\n")]) { Created = true });
        }

        return outcomes;
    }

    private static IEnumerable<string> Related(RecordPath path) => [path.Path, path.SidecarPath, $"nodes/entry/{path.Id}{RecordPath.Extension}"];

    // The schema rules plus "the entry exists and belongs to this node", with the validator's own messages.
    private static IReadOnlyList<Diagnostic> CrossCheck(Record record, TreeSnapshot tree)
    {
        var entry = tree.Find($"nodes/entry/{record.Path.Id}{RecordPath.Extension}");
        var files = new List<TreeFile> { TreeFile.FromText(record.Path.Path, RecordJson.ToYaml(record)) };
        if (entry is not null) files.Add(entry);
        return TreeValidator.Validate(new TreeSnapshot(files)).Diagnostics.Where(d => d.Path == record.Path.Path).ToList();
    }

    private MirrorOutcome NotARecord(string suffix)
    {
        var problem = Diagnostic.InFile(keys.Data(suffix), $"not a record key of node {node}: expected {keys.Data($"state/{node}/entries/<entry-id>")}");
        return new MirrorOutcome(RecordPath.Parse(suffix), MirrorOutcomeKind.Invalid, [], Problems: [problem]);
    }

    /// <summary>
    /// After the push, etcd's version keys learn the versions now in Git (guarded: only where the
    /// data is still what was read), so the node's next raw write counts from them. Normally
    /// post-receive has already done so while accepting the push; only what etcd does not yet
    /// know is written (when etcd was unreachable from the server, say).
    /// </summary>
    /// <returns>The pushed records' keys as read before writing, when nothing had to be written (null otherwise).</returns>
    private async Task<IReadOnlyDictionary<string, StoredValue>?> RecordVersionsAsync(AreaRead area, IReadOnlyList<MirrorOutcome> outcomes, CancellationToken cancellationToken)
    {
        var byKey = area.Values;
        var current = (await store.GetManyAsync(PushedKeys(outcomes), cancellationToken).ConfigureAwait(false)).ByKey();
        var now = clock.GetUtcNow();

        // The losing side of a conflict is kept in etcd too (keyed by its content, so keeping it twice is harmless).
        var kept = outcomes
            .Where(o => o.Loser is not null && o.Version is not null && !current.ContainsKey(keys.Conflict(o.Path.KeySuffix, o.Loser.Sha256)))
            .Select(o => Writes([], [new PutMutation(
                keys.Conflict(o.Path.KeySuffix, o.Loser!.Sha256),
                new ConflictRecord(keys.Data(o.Path.KeySuffix), o.LoserJson, o.Loser, o.Version!, o.Loser.Writer, now).ToJson())])).ToList();
        foreach (var batch in TransactionBatcher.PackWrites(kept, Limits, [], []).Where(b => b.Mutations.Count > 0))
        {
            await store.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var versions = outcomes
            .Where(o => o.Kind is MirrorOutcomeKind.Mirrored or MirrorOutcomeKind.Deleted or MirrorOutcomeKind.ConflictEtcdWon && o.Version is not null)
            .Where(o => !Knows(current.GetValueOrDefault(keys.Version(o.Path.KeySuffix)), o.Version!))
            .Select(outcome =>
            {
                var suffix = outcome.Path.KeySuffix;
                var data = byKey.GetValueOrDefault(keys.Data(suffix));
                var meta = byKey.GetValueOrDefault(keys.Version(suffix));
                return Writes(
                    [new Guard(keys.Data(suffix), data?.ModRevision ?? 0), new Guard(keys.Version(suffix), meta?.ModRevision ?? 0)],
                    [new PutMutation(keys.Version(suffix), VersionJson.Write(outcome.Version!))]);
            }).ToList();
        if (kept.Count == 0 && versions.Count == 0) return current;
        await CommitGuardedAsync(versions, cancellationToken).ConfigureAwait(false);
        return null;
    }

    // etcd already records a version that has seen this one (post-receive applied the push).
    private static bool Knows(StoredValue? versionKey, RecordVersion version) =>
        versionKey is not null && VersionJson.Parse(versionKey.Key, versionKey.Value) is var recorded && recorded.Sha256 == version.Sha256 && recorded.Vector.Covers(version.Vector);

    /// <summary>
    /// Guarded writes, many records to a transaction. A record written since the read fails its
    /// guard and with it the whole transaction; that transaction's records are then written one by
    /// one, so only the changed record is left for the next run.
    /// </summary>
    private async Task CommitGuardedAsync(IReadOnlyList<(IReadOnlyList<Guard> Guards, IReadOnlyList<Mutation> Mutations)> groups, CancellationToken cancellationToken)
    {
        foreach (var chunk in groups.Chunk(RecordsPerTransaction))
        {
            var batches = TransactionBatcher.PackWrites(chunk, Limits, [], []).Where(b => b.Mutations.Count > 0);
            var allHeld = true;
            foreach (var batch in batches)
            {
                allHeld &= (await store.CommitAsync(batch, cancellationToken).ConfigureAwait(false)).Succeeded;
            }

            if (allHeld) continue;

            // A record whose write already landed in a batch that held now fails its guard: harmless.
            foreach (var (guards, mutations) in chunk)
            {
                await store.CommitAsync(new Transaction(guards, mutations), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static (IReadOnlyList<Guard> Guards, IReadOnlyList<Mutation> Mutations) Writes(IReadOnlyList<Guard> guards, IReadOnlyList<Mutation> mutations) => (guards, mutations);
}
