using SigilGate.Domain.Mirror;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Mirror;

/// <summary>
/// A node's area as one run of the pusher sees it: the keys written or deleted since the last run
/// that are news, and the values of the keys the run picks from those, all read at one revision.
/// Only what changed is listed and read, so a run's cost follows what changed, not the area.
/// </summary>
public sealed class AreaRead
{
    private AreaRead(long revision, long keyCount, IReadOnlyList<KeyRevision> written, IReadOnlyList<string> deleted, RangeResult values)
    {
        Revision = revision;
        KeyCount = keyCount;
        Written = written;
        Deleted = deleted;
        Values = values.Values.ToDictionary(v => v.Key, StringComparer.Ordinal);
    }

    /// <summary>The revision of the snapshot.</summary>
    public long Revision { get; }

    /// <summary>How many keys the area holds at <see cref="Revision"/>.</summary>
    public long KeyCount { get; }

    /// <summary>Keys written since the last run that are news (all of them on a first run or a full resync).</summary>
    public IReadOnlyList<KeyRevision> Written { get; }

    /// <summary>Keys the area held at the last run, or that run settled, and holds no longer.</summary>
    public IReadOnlyList<string> Deleted { get; }

    /// <summary>The values read: those of the keys the run asked for that exist.</summary>
    public IReadOnlyDictionary<string, StoredValue> Values { get; }

    public bool HasNews => Written.Count > 0 || Deleted.Count > 0;

    // Listings taken again when etcd compacts a listing's revision before its values are read.
    private const int Attempts = 3;

    /// <summary>
    /// Lists what changed in the area since <paramref name="since"/>, then reads the values of the
    /// keys <paramref name="wanted"/> picks, at the listing's revision. When etcd compacts that
    /// revision in between (auto-compaction can land in those milliseconds), the area is listed
    /// again: a newer snapshot is as good, and the run should not fail for it.
    /// </summary>
    /// <param name="prefixes">Listed on every read; <see cref="KeyCount"/> counts their keys.</param>
    /// <param name="wholeOnly">
    /// Listed only when every key is news (a first read, or a full resync): keys that outlive a
    /// record's data, such as its version, so that such a read still finds a record whose data
    /// was deleted. A later read finds that deletion from the count of <paramref name="prefixes"/>.
    /// </param>
    public static async Task<AreaRead> ReadAsync(
        IKeyValueStore store,
        IReadOnlyList<string> prefixes,
        IReadOnlyList<string> wholeOnly,
        MirrorState since,
        Func<IReadOnlyList<KeyRevision>, IReadOnlyList<string>, IReadOnlyList<string>> wanted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(since);
        ArgumentNullException.ThrowIfNull(wanted);
        if (await UnchangedAsync(store, since, cancellationToken).ConfigureAwait(false) is { } unchanged) return unchanged;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var listing = await store.ListPrefixesAsync(prefixes, since.Revision, 0, cancellationToken).ConfigureAwait(false);
                if (listing.Revision < since.Revision)
                {
                    // The store is behind the last run: another cluster, or one restored from a
                    // snapshot. Its revisions say nothing about what the last run saw: start over.
                    since = MirrorState.Empty;
                    listing = await store.ListPrefixesAsync(prefixes, 0, 0, cancellationToken).ConfigureAwait(false);
                }

                var (written, deleted, whole) = await ChangesAsync(store, prefixes, since, listing, cancellationToken).ConfigureAwait(false);
                if (whole && wholeOnly.Count > 0)
                {
                    var remembered = await store.ListPrefixesAsync(wholeOnly, 0, listing.Revision, cancellationToken).ConfigureAwait(false);
                    written = [.. written, .. remembered.Keys];
                }

                var keys = wanted(written, deleted);
                var values = keys.Count == 0 ? new RangeResult([], listing.Revision) : await store.GetManyAsync(keys, listing.Revision, cancellationToken).ConfigureAwait(false);
                return new AreaRead(listing.Revision, listing.Count, written, deleted, values);
            }
            catch (StoreCompactedException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <summary>
    /// The read when nothing at all was written to the store since the last run: its revision has
    /// not moved, so the area is as that run left it, and listing it (which costs etcd a visit of
    /// every key in its range) would find nothing. Null when the store moved on, when there was no
    /// last run, or when the last run left keys to look at again (settled rewrites, unsettled
    /// values): those take the listing, which reads them at one revision.
    /// </summary>
    private static async Task<AreaRead?> UnchangedAsync(IKeyValueStore store, MirrorState since, CancellationToken cancellationToken)
    {
        if (since.Revision == 0 || since.Settled.Count > 0 || since.Unsettled.Count > 0) return null;
        var latest = await store.LatestRevisionAsync(cancellationToken).ConfigureAwait(false);
        return latest == since.Revision ? new AreaRead(latest, since.KeyCount, [], [], new RangeResult([], latest)) : null;
    }

    /// <returns>What changed, and whether every key is news (nothing known of an earlier read to compare with).</returns>
    private static async Task<(IReadOnlyList<KeyRevision> Written, IReadOnlyList<string> Deleted, bool Whole)> ChangesAsync(
        IKeyValueStore store, IReadOnlyList<string> prefixes, MirrorState since, KeyListing listing, CancellationToken cancellationToken)
    {
        var written = listing.Keys.Where(since.IsNews).ToList();
        if (since.Revision == 0) return (written, [], true);
        var listed = listing.Keys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);

        // Settled keys were written after the last run's revision: still there, they are listed.
        IReadOnlyList<string> deleted = [.. since.Settled.Keys.Where(k => !listed.Contains(k))];
        if (!since.MayHaveLostKeys(listing)) return (written, deleted, false);

        // Some key the area held at the last run is gone: compare that snapshot with this one.
        var now = await store.ListPrefixesAsync(prefixes, 0, listing.Revision, cancellationToken).ConfigureAwait(false);
        KeyListing then;
        try
        {
            then = await store.ListPrefixesAsync(prefixes, 0, since.Revision, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreCompactedException)
        {
            // That snapshot is compacted away, and with it what was deleted: every key is news, as
            // on a first run (a full resync, never a silent gap). A record whose keys are all gone
            // is gone from etcd's history too; the run decides every record etcd still knows.
            return (now.Keys, deleted, true);
        }

        var present = now.Keys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var gone = deleted.ToHashSet(StringComparer.Ordinal);
        gone.UnionWith(then.Keys.Select(k => k.Key).Where(k => !present.Contains(k)));
        return (written, [.. gone], false);
    }
}
