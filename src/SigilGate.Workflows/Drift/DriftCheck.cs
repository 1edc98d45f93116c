using SigilGate.Domain.Apply;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Drift;

/// <summary>
/// <c>sigil drift</c>: compares etcd with the branch tip and keeps first-seen times under
/// <c>.sigil/drift/</c>. Reading is what matters: if the first-seen times cannot be written (a
/// read-only etcd user, a lost race) the differences are still reported, with their ages counted from now.
/// </summary>
/// <param name="known">Where a run keeps its readings of the tip's record files for the next (<see cref="SyncSnapshotReader"/>); null: every run reads every file.</param>
public sealed class DriftCheck(IRepositoryReader repository, IKeyValueStore store, KeyLayout keys, string branch, StoreLimits limits, TimeProvider clock, IKnownRecordStore? known = null)
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// What drift would report, writing nothing (<c>sigil status</c>): ages come from the first-seen
    /// times already kept; a difference no drift run has seen yet is aged from when its data says it
    /// arose, else from now.
    /// </summary>
    public async Task<DriftReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await SyncSnapshotReader.ReadAsync(repository, store, keys, branch, clock, cancellationToken).ConfigureAwait(false);
        return new DriftReport(snapshot, DriftLedger.Update(DriftComparison.Compare(snapshot), snapshot).Aged);
    }

    public async Task<DriftReport> RunAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await SyncSnapshotReader.ReadAsync(repository, store, keys, branch, clock, cancellationToken, known).ConfigureAwait(false);
            var update = DriftLedger.Update(DriftComparison.Compare(snapshot), snapshot);
            var report = new DriftReport(snapshot, update.Aged);
            if (update.Writes.Count == 0) return report;

            try
            {
                if (await CommitAsync(update, cancellationToken).ConfigureAwait(false)) return report;
            }
            catch (StoreException exception)
            {
                return report with { LedgerProblem = exception.Message };
            }

            // Another drift run recorded or removed the same first-seen times since our read: read again.
            if (attempt == MaxAttempts) return report with { LedgerProblem = $"first-seen times kept changing under {DriftKeys.Root(keys)} (another drift running?)" };
        }
    }

    private async Task<bool> CommitAsync(LedgerUpdate update, CancellationToken cancellationToken)
    {
        foreach (var batch in TransactionBatcher.PackWrites(update.Writes, limits, [], []))
        {
            if (batch.Mutations.Count == 0) continue;
            var result = await store.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded) return false;
        }

        return true;
    }
}
