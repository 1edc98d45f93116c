namespace SigilGate.Domain.Versioning;

/// <summary>
/// The version of one record's content: its vector, who made the change and when, and the
/// SHA-256 of the record's canonical JSON (so a version is tied to the exact content it describes).
/// </summary>
public sealed record RecordVersion(VersionVector Vector, string Writer, DateTimeOffset Time, string Sha256)
{
    /// <summary>The content hash of a deleted record (a tombstone keeps the vector of the deletion).</summary>
    public static readonly string DeletedSha256 = new('0', 64);

    public bool IsDeletion => Sha256 == DeletedSha256;

    public override string ToString() => $"{Vector} by {Writer} at {Time.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}";
}
