namespace SigilGate.Core.Store;

/// <summary>A key and the revision that last changed it, read without its value.</summary>
public sealed record KeyRevision(string Key, long ModRevision);

/// <summary>
/// The keys under some prefixes with their mod revisions and no values, read as one snapshot at
/// <paramref name="Revision"/>: enough to tell what changed in a large area without moving the
/// whole area over the wire.
/// </summary>
public sealed record KeyListing(IReadOnlyList<KeyRevision> Keys, long Revision)
{
    public Dictionary<string, long> ModRevisions() => Keys.ToDictionary(k => k.Key, k => k.ModRevision, StringComparer.Ordinal);
}
