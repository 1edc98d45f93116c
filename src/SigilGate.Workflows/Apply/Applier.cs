using SigilGate.Domain.Apply;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// Applies the protected branch to etcd, commit by commit from the last applied one, each commit
/// as one transaction when it fits (else resumable batches; the pointer moves with the last one).
/// </summary>
public sealed class Applier(IRepositoryReader repository, IKeyValueStore store, KeyLayout keys, StoreLimits limits, TimeProvider clock, StepPlanner? planner = null)
{
    private readonly StepPlanner planner = planner ?? new StepPlanner(repository);

    private const int MaxAttempts = 5;

    // Batches of one commit sent at once (see CommitAllAsync).
    private const int InFlight = 4;

    // Records decided and written together (see WriteStepAsync): a few megabytes of writes.
    private const int RecordsPerSlice = 4096;

    // Above this many keys one ranged read of the prefix is cheaper than reading key by key.
    private const int RangeReadThreshold = 512;

    public async Task<AppliedPointer> ReadPointerAsync(CancellationToken cancellationToken = default)
    {
        var result = await store.GetManyAsync([keys.Applied], cancellationToken).ConfigureAwait(false);
        var value = result.Values.FirstOrDefault();
        return value is null ? AppliedPointer.None : AppliedPointer.Read(value);
    }

    /// <summary>The commits still to apply to reach <paramref name="tipSha"/>.</summary>
    public IReadOnlyList<CommitStep> PendingSteps(AppliedPointer pointer, string tipSha) => planner.PendingSteps(pointer.Commit, tipSha);

    public async Task<IReadOnlyList<StepReport>> ApplyAsync(string tipSha, INoteWriter? notes, Action<StepReport>? onStep = null, CancellationToken cancellationToken = default)
    {
        var pointer = await ReadPointerAsync(cancellationToken).ConfigureAwait(false);
        CrashPoint.Reach("apply.pointer-read");
        RecoverReceipt(pointer, notes);
        var reports = new List<StepReport>();
        AppliedPointer? known = pointer;
        foreach (var step in PendingSteps(pointer, tipSha))
        {
            var report = await ApplyStepAsync(step, known, cancellationToken).ConfigureAwait(false);
            known = null;
            CrashPoint.Reach("apply.before-note");
            notes?.AddNote(step.Commit.Sha, report.Receipt(keys, clock.GetUtcNow()));
            CrashPoint.Reach("apply.note-written");
            onStep?.Invoke(report);
            reports.Add(report);
        }

        return reports;
    }

    /// <summary>
    /// An apply stopped between moving the pointer and writing the note (or a reconcile, which
    /// writes none) leaves the applied commit without a receipt, and no later apply would revisit
    /// it. What is still known is written: the revision and time of the pointer.
    /// </summary>
    private static void RecoverReceipt(AppliedPointer pointer, INoteWriter? notes)
    {
        if (notes is null || pointer.Commit is null || notes.HasNote(pointer.Commit)) return;
        notes.AddNote(pointer.Commit, StepReport.RecoveredReceipt(pointer));
    }

    /// <summary>The operations a step would cause, without writing anything (push option <c>sigil.dry-run</c>).</summary>
    public async Task<IReadOnlyList<RecordOutcome>> PreviewAsync(CommitStep step, CancellationToken cancellationToken = default)
    {
        var targets = planner.TargetsOf(step);
        var stored = await ReadStoredAsync(targets.Paths, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return targets.All.Targets.Select(t => RecordDecision.Decide(t, stored(t), keys, step.Commit.Sha, now)).ToList();
    }

    /// <param name="known">The pointer as just read, used by the first attempt instead of reading it again.</param>
    private async Task<StepReport> ApplyStepAsync(CommitStep step, AppliedPointer? known, CancellationToken cancellationToken)
    {
        var targets = planner.TargetsOf(step);
        for (var attempt = 1; ; attempt++)
        {
            var pointer = attempt == 1 && known is not null ? known : await ReadPointerAsync(cancellationToken).ConfigureAwait(false);
            var (succeeded, revision, records, resolved) = await WriteStepAsync(step, targets, pointer, cancellationToken).ConfigureAwait(false);
            if (succeeded) return new StepReport(step.Commit, revision, records) { Resolved = resolved };

            // Someone wrote one of these keys between our read and our write: read again and decide again.
            if (attempt == MaxAttempts) throw new StoreException($"etcd keys kept changing while applying {step.Commit.ShortSha}; gave up after {MaxAttempts} attempts (run 'sigil apply' again)");
        }
    }

    /// <summary>
    /// Decides and writes the step's records a slice at a time, so that what is held at once is one
    /// slice's writes, not a whole network's: each slice's transactions go as soon as it is decided,
    /// guarded record by record, and the last slice's last transaction moves the applied pointer,
    /// so a step stopped half way is applied again from where etcd's pointer still is. A step of
    /// one slice is packed exactly as a whole: one transaction when it fits.
    /// </summary>
    /// <returns>Whether every guard held, the revision of the pointer's transaction, what was done to the records, and the decided losers removed.</returns>
    private async Task<(bool Succeeded, long Revision, AppliedRecords Records, IReadOnlyList<string> Resolved)> WriteStepAsync(CommitStep step, CommitTargets targets, AppliedPointer pointer, CancellationToken cancellationToken)
    {
        var stored = await ReadStoredAsync(targets.Paths, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var records = new AppliedRecords(keys);
        List<RecordOutcome> last = [];
        var slices = targets.Slices(RecordsPerSlice);
        Task<bool>? sending = null;
        for (var i = 0; i < slices.Count; i++)
        {
            // Each slice is read from Git and parsed while the transactions of the one before are in
            // flight; they are sent in the same order as ever, each only once the one before succeeded.
            var slice = await ReadWhileSendingAsync(slices[i], sending).ConfigureAwait(false);
            if (sending is not null && !await sending.ConfigureAwait(false)) return (false, 0, records, []);
            records.Skip(slice.Skipped);
            var decided = slice.Targets.Select(t => RecordDecision.Decide(t, stored(t), keys, step.Commit.Sha, now)).ToList();
            decided.ForEach(records.Add);
            if (i == slices.Count - 1)
            {
                last = decided;
                break;
            }

            var batches = TransactionBatcher.PackWrites(decided.Select(o => (o.Guards, o.Mutations)), limits, [], []).Where(b => b.Mutations.Count > 0).ToList();
            sending = CommitIndependentAsync(batches, cancellationToken);
        }

        // A decided loser goes with the step that records the decision.
        var resolved = StepResolutions.KeysToRemove(targets.Resolutions, keys, records.Conflicts.Select(o => o.KeptAt));
        var writes = last.Select(o => (o.Guards, o.Mutations)).Concat(StepResolutions.Removals(resolved));
        var closing = new Mutation[] { new PutMutation(keys.Applied, AppliedPointer.ToJson(step.Commit.Sha, clock.GetUtcNow())) };
        var closingBatches = TransactionBatcher.PackWrites(writes, limits, [new Guard(keys.Applied, pointer.ModRevision)], closing);
        var (succeeded, revision) = await CommitAllAsync(closingBatches, cancellationToken).ConfigureAwait(false);
        return (succeeded, revision, records, resolved);
    }

    /// <summary>
    /// Reads a slice while <paramref name="sending"/> goes on. When the read fails, the sending is let
    /// finish before the read's failure is thrown: its outcome no longer matters (the step is applied
    /// again from the pointer, which it does not move), but nothing of the step is left running.
    /// </summary>
    private static async Task<TargetSlice> ReadWhileSendingAsync(Func<TargetSlice> read, Task<bool>? sending)
    {
        try
        {
            return read();
        }
        catch when (sending is not null)
        {
            await sending.ContinueWith(static finished => _ = finished.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends the batches of one commit. All but the last are independent (distinct keys, each
    /// guarded), so several are kept in flight: etcd then commits them in one raft round and one
    /// fsync where sequential requests would each wait for their own. The last batch, which moves
    /// the applied pointer, goes only after every other one succeeded.
    /// </summary>
    private async Task<(bool Succeeded, long Revision)> CommitAllAsync(IReadOnlyList<Transaction> batches, CancellationToken cancellationToken)
    {
        if (!await CommitIndependentAsync(batches.Take(batches.Count - 1), cancellationToken).ConfigureAwait(false)) return (false, 0);

        CrashPoint.Reach("apply.before-pointer-txn");
        var last = await store.CommitAsync(batches[^1], cancellationToken).ConfigureAwait(false);
        CrashPoint.Reach("apply.pointer-moved");
        return (last.Succeeded, last.Revision);
    }

    /// <summary>Sends batches of distinct, individually guarded records, several at once; false when a guard failed.</summary>
    private async Task<bool> CommitIndependentAsync(IEnumerable<Transaction> batches, CancellationToken cancellationToken)
    {
        var succeeded = true;
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                if (!Volatile.Read(ref succeeded)) return;
                var result = await store.CommitAsync(batch, token).ConfigureAwait(false);
                CrashPoint.Reach("apply.batch-committed");
                if (!result.Succeeded) Volatile.Write(ref succeeded, false);
            }).ConfigureAwait(false);
        return succeeded;
    }

    private async Task<Func<RecordTarget, StoredRecord>> ReadStoredAsync(IReadOnlyList<RecordPath> paths, CancellationToken cancellationToken)
    {
        var wanted = paths.SelectMany(p => new[] { keys.Data(p.KeySuffix), keys.Version(p.KeySuffix) }).ToList();
        var read = wanted.Count > RangeReadThreshold
            ? await store.GetPrefixAsync(keys.All, cancellationToken).ConfigureAwait(false)
            : await store.GetManyAsync(wanted, cancellationToken).ConfigureAwait(false);
        var byKey = read.ByKey();
        return t => new StoredRecord(byKey.GetValueOrDefault(keys.Data(t.Path.KeySuffix)), byKey.GetValueOrDefault(keys.Version(t.Path.KeySuffix)));
    }
}
