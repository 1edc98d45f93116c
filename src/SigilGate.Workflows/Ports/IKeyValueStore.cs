using SigilGate.Domain.Store;

namespace SigilGate.Workflows.Ports;

/// <summary>
/// What the suite needs from etcd, and nothing more. Implementations throw
/// <see cref="StoreUnavailableException"/> when no member answers in time and
/// <see cref="StoreException"/> for any other failure (authentication, TLS, limits).
/// </summary>
public interface IKeyValueStore : IAsyncDisposable
{
    /// <summary>Reads the given keys (absent keys are simply missing from the result) in as few requests as possible.</summary>
    Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        GetManyAsync(keys, 0, cancellationToken);

    /// <summary>
    /// Reads the given keys as they were at <paramref name="revision"/> (0: the latest), so that
    /// values read after a <see cref="ListPrefixesAsync"/> belong to the same snapshot. Throws
    /// <see cref="StoreCompactedException"/> when that revision has been compacted away.
    /// </summary>
    Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the keys under each prefix, without values, in one consistent read at
    /// <paramref name="revision"/> (0: the latest): those written after <paramref name="changedAfter"/>,
    /// or every key when it is 0. The listing's count is that of every key under the prefixes.
    /// Throws <see cref="StoreCompactedException"/> when <paramref name="revision"/> has been compacted away.
    /// </summary>
    /// <remarks>
    /// etcd still visits every key of the range to apply the filter, but only what changed
    /// crosses the wire and is parsed: a pusher's run costs what changed, not its area.
    /// </remarks>
    Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, long changedAfter = 0, long revision = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// The store's latest revision, from a request that reads nothing: every write anywhere in the
    /// store moves it, so an unchanged revision means nothing was written since.
    /// </summary>
    async Task<long> LatestRevisionAsync(CancellationToken cancellationToken = default) =>
        (await ListPrefixesAsync([], 0, 0, cancellationToken).ConfigureAwait(false)).Revision;

    /// <summary>Reads every key that starts with <paramref name="prefix"/>, in one consistent read.</summary>
    Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Reads every key under each prefix in one request, so all of them are one consistent snapshot.</summary>
    Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default);

    /// <summary>Runs one transaction. Guards and mutations must each fit the server's per-request limit.</summary>
    Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default);

    /// <summary>The cluster's members and its leader, as the member that answers sees them (for <c>sigil status</c>).</summary>
    Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken = default);
}
