using SigilGate.Domain.Store;

namespace SigilGate.Domain.Mirror;

/// <summary>
/// What the pusher remembers of its last successful run (kept in the clone's .git directory): the
/// revision it read the area at, how many keys the area held then, and the keys written since that
/// are known not to be news (the server's rewrites of what the run itself pushed), each at the
/// revision that wrote it. Nothing here grows with the area: a run lists only what was written
/// after <see cref="Revision"/> and tells deletions from the area's key count.
/// </summary>
public sealed record MirrorState(long Revision, long KeyCount, IReadOnlyDictionary<string, long> Settled)
{
    public static MirrorState Empty { get; } = new(0, 0, new Dictionary<string, long>());

    /// <summary>
    /// Data keys whose value did not validate at the last run, so nothing of them went to Git:
    /// every run reads them again (a few keys, not the area) and reports them for as long as they
    /// are there, rather than taking them for seen because their revision is behind it.
    /// </summary>
    public IReadOnlyCollection<string> Unsettled { get; init; } = [];

    /// <summary>True when a listed key was written after the last run and is not one of its settled rewrites.</summary>
    public bool IsNews(KeyRevision key) =>
        key.ModRevision > Revision && !(Settled.TryGetValue(key.Key, out var settled) && settled == key.ModRevision);

    /// <summary>
    /// False only when no key the area held at <see cref="Revision"/> can be missing from it now.
    /// Each key now is either one of those or was created since (and so is in a listing of what
    /// changed); whatever the count lacks beyond that was deleted. A key deleted and created again
    /// counts as deleted here, so the answer errs only towards looking closer.
    /// </summary>
    public bool MayHaveLostKeys(KeyListing changedSince)
    {
        ArgumentNullException.ThrowIfNull(changedSince);
        var created = changedSince.Keys.Count(k => k.CreateRevision > Revision);
        return KeyCount + created > changedSince.Count;
    }
}
