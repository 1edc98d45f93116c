namespace SigilGate.Core.Mirror;

/// <summary>
/// What the pusher remembers of its last successful run (kept in the clone's .git directory):
/// the mod revisions of each key it mirrored, so an idle run touches nothing and a busy one only
/// decides the records that changed.
/// </summary>
public sealed record PushState(long Revision, IReadOnlyDictionary<string, long> ModRevisions)
{
    public static PushState Empty { get; } = new(0, new Dictionary<string, long>());

    /// <summary>
    /// Set when <see cref="ModRevisions"/> is exactly the area as etcd held it at this revision
    /// (after a run that found nothing to push); an idle check then needs only a count and the
    /// newest mod revision of the area (<see cref="Store.PrefixSummary"/>), not the area itself.
    /// After a push it is not set: keys written while the push ran are remembered at their old
    /// revisions on purpose, so the next run reads the whole area and sees them.
    /// </summary>
    public long? SnapshotRevision { get; init; }

    /// <summary>
    /// How many keys <see cref="ModRevisions"/> holds. A journal that records the count answers an
    /// idle check without reading every key (20,000 in a 10,000-record area).
    /// </summary>
    public int KeyCount => KnownKeyCount ?? ModRevisions.Count;

    /// <summary>The key count as the journal recorded it, when it did.</summary>
    public int? KnownKeyCount { get; init; }

    /// <summary>True when the area holds exactly the keys, at the same revisions, as when this state was saved.</summary>
    public bool Matches(IReadOnlyDictionary<string, long> area) =>
        area.Count == ModRevisions.Count && area.All(k => ModRevisions.TryGetValue(k.Key, out var seen) && seen == k.Value);
}
