namespace SigilGate.Core.Store;

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

    /// <summary>Lists every key under each prefix with its mod revision, without values, in one consistent read.</summary>
    async Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default)
    {
        var read = await GetPrefixesAsync(prefixes, cancellationToken).ConfigureAwait(false);
        return new KeyListing(read.Values.Select(v => new KeyRevision(v.Key, v.ModRevision)).ToList(), read.Revision);
    }

    /// <summary>Reads every key that starts with <paramref name="prefix"/>, in one consistent read.</summary>
    Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Reads every key under each prefix in one request, so all of them are one consistent snapshot.</summary>
    Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the keys under the prefixes and finds the newest mod revision among them, in one
    /// consistent read that returns no values (an idle check of a large area reads almost nothing).
    /// </summary>
    async Task<PrefixSummary> SummarizePrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default) =>
        PrefixSummary.Of(await GetPrefixesAsync(prefixes, cancellationToken).ConfigureAwait(false));

    /// <summary>Runs one transaction. Guards and mutations must each fit the server's per-request limit.</summary>
    Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default);
}
