namespace SigilGate.Domain.Store;

/// <summary>A key and the revisions that created it and last changed it, read without its value.</summary>
public sealed record KeyRevision(string Key, long ModRevision, long CreateRevision);

/// <summary>
/// Keys under some prefixes with their revisions and no values, read as one snapshot at
/// <paramref name="Revision"/>: every key, or only those written after a given revision.
/// <paramref name="Count"/> is the number of every key under the prefixes, listed or not, so a
/// listing of what changed also tells whether something was deleted.
/// </summary>
public sealed record KeyListing(IReadOnlyList<KeyRevision> Keys, long Count, long Revision);
