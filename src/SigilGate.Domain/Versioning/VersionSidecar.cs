namespace SigilGate.Domain.Versioning;

/// <summary>
/// The version Git keeps for a record in <c>.sigil/versions/&lt;record path&gt;</c>.
/// <see cref="RecordPath"/> is the record it describes (<c>nodes/entry/e-7.yaml</c>), which may
/// no longer exist: then the sidecar is the tombstone of a deletion.
/// </summary>
public sealed record VersionSidecar(string RecordPath, RecordVersion Version);
