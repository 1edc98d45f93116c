namespace SigilGate.Core.Mirror;

/// <summary>
/// What the pusher remembers of its last successful run (kept in the clone's .git directory):
/// the mod revisions of each key it mirrored, so an idle run touches nothing and a busy one only
/// decides the records that changed.
/// </summary>
public sealed record PushState(long Revision, IReadOnlyDictionary<string, long> ModRevisions)
{
    public static PushState Empty { get; } = new(0, new Dictionary<string, long>());

    /// <summary>True when the area holds exactly the keys, at the same revisions, as when this state was saved.</summary>
    public bool Matches(IReadOnlyDictionary<string, long> area) =>
        area.Count == ModRevisions.Count && area.All(k => ModRevisions.TryGetValue(k.Key, out var seen) && seen == k.Value);
}
