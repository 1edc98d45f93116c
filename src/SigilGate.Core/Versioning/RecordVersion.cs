namespace SigilGate.Core.Versioning;

/// <summary>
/// The version of one record's content: its vector, who made the change and when, and the
/// SHA-256 of the record's canonical JSON (so a version is tied to the exact content it describes).
/// </summary>
public sealed record RecordVersion(VersionVector Vector, string Writer, DateTimeOffset Time, string Sha256);
