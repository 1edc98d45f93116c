using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Apply;

/// <summary>A store that goes away after a number of successful transactions, as etcd dying mid-apply would.</summary>
internal sealed class FailingStore(IKeyValueStore inner, int commitsBeforeFailure) : IKeyValueStore
{
    private int _commits;

    public Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default) => inner.GetManyAsync(keys, revision, cancellationToken);

    public Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, long changedAfter = 0, long revision = 0, CancellationToken cancellationToken = default) =>
        inner.ListPrefixesAsync(prefixes, changedAfter, revision, cancellationToken);

    public Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.GetPrefixAsync(prefix, cancellationToken);

    public Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default) => inner.GetPrefixesAsync(prefixes, cancellationToken);

    public Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _commits) > commitsBeforeFailure
            ? throw new StoreUnavailableException("etcd unreachable (simulated)")
            : inner.CommitAsync(transaction, cancellationToken);

    public Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken = default) => inner.ClusterStatusAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
