using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Tests.Drift;

/// <summary>A store as a read-only etcd user sees it: every read answers, every write is refused.</summary>
internal sealed class ReadOnlyStore(IKeyValueStore inner) : IKeyValueStore
{
    public const string Refusal = "etcd refused the write: etcdserver: permission denied";

    public Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default) =>
        inner.GetManyAsync(keys, revision, cancellationToken);

    public Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, long changedAfter = 0, long revision = 0, CancellationToken cancellationToken = default) =>
        inner.ListPrefixesAsync(prefixes, changedAfter, revision, cancellationToken);

    public Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.GetPrefixAsync(prefix, cancellationToken);

    public Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default) => inner.GetPrefixesAsync(prefixes, cancellationToken);

    public Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default) => throw new StoreException(Refusal);

    public Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken = default) => inner.ClusterStatusAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
