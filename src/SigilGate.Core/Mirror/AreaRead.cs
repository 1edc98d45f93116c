using SigilGate.Core.Store;

namespace SigilGate.Core.Mirror;

/// <summary>
/// A node's area as one run of the pusher sees it: every key with its mod revision (listed without
/// values), and the values of only the keys that changed since the last run, read at the listing's
/// revision so both belong to one snapshot. A run's cost then follows what changed, not the area.
/// </summary>
public sealed class AreaRead
{
    private readonly Dictionary<string, StoredValue> _values;

    private AreaRead(long revision, Dictionary<string, long> modRevisions, RangeResult values)
    {
        Revision = revision;
        ModRevisions = modRevisions;
        _values = values.Values.ToDictionary(v => v.Key, StringComparer.Ordinal);
    }

    /// <summary>The revision of the snapshot.</summary>
    public long Revision { get; }

    /// <summary>Every key of the area and the revision that last wrote it.</summary>
    public IReadOnlyDictionary<string, long> ModRevisions { get; }

    /// <summary>The values read: those of the keys <see cref="ReadAsync"/> was asked for that exist.</summary>
    public IReadOnlyDictionary<string, StoredValue> Values => _values;

    // Listings taken again when etcd compacts a listing's revision before its values are read.
    private const int Attempts = 3;

    /// <summary>
    /// Lists the area, then reads the values of the keys <paramref name="wanted"/> picks from the
    /// listing at the listing's revision (nothing more is read when it picks nothing). When etcd
    /// compacts that revision in between (auto-compaction can land in those milliseconds), the area
    /// is listed again: a newer snapshot is as good, and the run should not fail for it.
    /// </summary>
    public static async Task<AreaRead> ReadAsync(IKeyValueStore store, IReadOnlyList<string> prefixes, Func<IReadOnlyDictionary<string, long>, IReadOnlyList<string>> wanted, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var listing = await store.ListPrefixesAsync(prefixes, cancellationToken).ConfigureAwait(false);
            var modRevisions = listing.ModRevisions();
            var keys = wanted(modRevisions);
            try
            {
                var values = keys.Count == 0 ? new RangeResult([], listing.Revision) : await store.GetManyAsync(keys, listing.Revision, cancellationToken).ConfigureAwait(false);
                return new AreaRead(listing.Revision, modRevisions, values);
            }
            catch (StoreCompactedException) when (attempt < Attempts)
            {
            }
        }
    }
}
