using SigilGate.Domain.Apply;
using SigilGate.Domain.Reconcile;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Reconcile;

/// <summary>
/// <c>sigil reconcile</c>: reads both sides, plans, and writes the plan in guarded transactions
/// (each key's writes together; the applied pointer moves to the tip with the last one). If a key
/// changes between the read and the write, nothing of that transaction is written: read and plan again.
/// The caller holds the apply lock, so post-receive never runs at the same time.
/// </summary>
public sealed class Reconciler(IRepositoryReader repository, IKeyValueStore store, KeyLayout keys, string branch, StoreLimits limits, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    /// <param name="onPlan">Called with each plan made (more than once only if etcd changed under the reconcile) and its attempt number.</param>
    public async Task<ReconcileResult> RunAsync(ReconcileOptions options, Action<ReconcilePlan, int> onPlan, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await SyncSnapshotReader.ReadAsync(repository, store, keys, branch, clock, cancellationToken).ConfigureAwait(false);
            if (snapshot.Git.Tip is null) return new ReconcileResult(ReconcileOutcome.NoBranch, null, snapshot.Revision);

            var plan = ReconcilePlanner.Plan(snapshot, options.Force);
            onPlan(plan, attempt);
            if (plan.DeletesMoreThan(options.MassDeleteShare) && !options.AllowMassDelete) return new ReconcileResult(ReconcileOutcome.MassDeleteRefused, plan, snapshot.Revision);
            if (options.DryRun) return new ReconcileResult(ReconcileOutcome.DryRun, plan, snapshot.Revision);
            if (plan.IsNothingToDo) return new ReconcileResult(ReconcileOutcome.NothingToDo, plan, snapshot.Revision);

            var (succeeded, revision) = await CommitAsync(plan, cancellationToken).ConfigureAwait(false);
            if (succeeded) return new ReconcileResult(ReconcileOutcome.Done, plan, revision);
            if (attempt == MaxAttempts) throw new StoreException($"etcd keys kept changing while reconciling; gave up after {MaxAttempts} attempts (run 'sigil reconcile' again)");
        }
    }

    private async Task<(bool Succeeded, long Revision)> CommitAsync(ReconcilePlan plan, CancellationToken cancellationToken)
    {
        var pointer = plan.Snapshot.Lag.Pointer;
        var closing = new Mutation[] { new PutMutation(keys.Applied, AppliedPointer.ToJson(plan.Tip.Sha, clock.GetUtcNow())) };

        // The pointer moves past the commits not applied yet: the decisions they record are carried out here.
        var decided = pointer.Commit is { } applied && repository.FindCommit(applied) is not null ? StepResolutions.Of(repository, new CommitStep(applied, plan.Tip)) : [];
        var removals = StepResolutions.Removals(StepResolutions.KeysToRemove(decided, keys, plan.Changes.Select(a => a.KeptAt)));
        var batches = TransactionBatcher.PackWrites(plan.Changes.Select(a => (a.Guards, a.Mutations)).Concat(removals), limits, [new Guard(keys.Applied, pointer.ModRevision)], closing);
        long revision = 0;
        foreach (var batch in batches)
        {
            var result = await store.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded) return (false, result.Revision);
            revision = result.Revision;
        }

        return (true, revision);
    }
}
