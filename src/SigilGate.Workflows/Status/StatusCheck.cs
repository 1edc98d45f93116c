using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Status;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Conflicts;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Status;

/// <summary>
/// <c>sigil status</c>: the Git side (tip, each Core node's last mirror), then etcd's (members and
/// leader, then one read of every key under the prefix for the applied pointer, pending commits,
/// drift and kept conflicts). Writes nothing: drift's first-seen times are read, never recorded.
/// When etcd cannot be read the Git side is still reported, with the reason; damaged bookkeeping
/// under <c>.sigil/</c> is thrown (<see cref="BookkeepingException"/>), as every other command throws it.
/// </summary>
public sealed class StatusCheck(IRepositoryReader repository, IKeyValueStore store, KeyLayout keys, string branch, StoreLimits limits, TimeProvider clock)
{
    /// <summary>How many commits are read at most to find each Core node's last mirror.</summary>
    public int MirrorSearchLimit { get; init; } = LastMirrorReader.DefaultLimit;

    public async Task<StatusReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var tipSha = repository.BranchTip(branch);
        var tip = tipSha is null ? null : repository.FindCommit(tipSha);
        var mirrors = LastMirrorReader.Read(repository, tip, MirrorSearchLimit);
        var gitOnly = new StatusReport(branch, keys.Prefix, tip, mirrors, clock.GetUtcNow(), null, null, null);
        try
        {
            var cluster = await store.ClusterStatusAsync(cancellationToken).ConfigureAwait(false);

            // Without a leader every read waits out its deadline: say so now instead.
            if (!cluster.HasLeader) return gitOnly with { Cluster = cluster };
            var drift = await new DriftCheck(repository, store, keys, branch, limits, clock).ReadAsync(cancellationToken).ConfigureAwait(false);
            var kept = ConflictReader.Kept(keys, drift.Snapshot.Etcd.Values);

            // The tip as the drift read saw it, so that applied and pending are measured against the tip shown.
            return gitOnly with { Tip = drift.Snapshot.Git.Tip, Now = drift.CheckedAt, Cluster = cluster, Drift = drift, Kept = kept };
        }
        // Damaged bookkeeping was read from an etcd that answered: an error naming the key (exit 2,
        // as drift and reconcile), not "etcd cannot be read".
        catch (StoreException exception) when (exception is not BookkeepingException && !cancellationToken.IsCancellationRequested)
        {
            return gitOnly with { EtcdProblem = new EtcdProblem(exception is StoreUnavailableException, exception.Message) };
        }
    }
}
