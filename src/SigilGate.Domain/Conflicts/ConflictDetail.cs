namespace SigilGate.Domain.Conflicts;

/// <summary>
/// What <c>sigil conflicts show</c> found for one record: every kept loser of it, and what etcd holds
/// now at its data key (the winner as it stands; null when the key is absent).
/// </summary>
public sealed record ConflictDetail(string RecordPath, string DataKey, string? Current, IReadOnlyList<KeptConflict> Kept);
