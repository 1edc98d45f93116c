using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Tests.Apply;

/// <summary>A store that lets someone else write once, right after its first <paramref name="commits"/> transactions went through.</summary>
internal sealed class WriteAfterCommits(IKeyValueStore inner, int commits, Action write) : IKeyValueStore
{
    private int seen;

    public bool Wrote { get; private set; }

    public async Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default)
    {
        var result = await inner.CommitAsync(transaction, cancellationToken);
        if (Interlocked.Increment(ref seen) == commits)
        {
            write();
            Wrote = true;
        }

        return result;
    }

    public Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default) => inner.GetManyAsync(keys, revision, cancellationToken);

    public Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, long changedAfter = 0, long revision = 0, CancellationToken cancellationToken = default) =>
        inner.ListPrefixesAsync(prefixes, changedAfter, revision, cancellationToken);

    public Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.GetPrefixAsync(prefix, cancellationToken);

    public Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default) => inner.GetPrefixesAsync(prefixes, cancellationToken);

    public Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken = default) => inner.ClusterStatusAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
