using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Validation;

/// <summary>
/// What one file yields on its own: its problems and whatever of it could be read. A Core, Entry or
/// state file read for the rules spanning files also keeps what those rules need of it
/// (<see cref="CrossFile"/>; a Core or Entry file that is not a YAML mapping keeps empty facts, a
/// state file none).
/// </summary>
internal sealed record FileReading(
    IReadOnlyList<Diagnostic> Diagnostics,
    CrossFileFields? CrossFile = null,
    Record? Stored = null,
    VersionSidecar? Sidecar = null,
    Policy? Policy = null);
