using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Mirror;

/// <summary>
/// The decision for one record of the area: the files to change in the clone, and the version etcd
/// should record once the push lands (so the next raw write counts from it).
/// </summary>
public sealed record MirrorOutcome(
    RecordPath Path,
    MirrorOutcomeKind Kind,
    IReadOnlyList<FileChange> Files,
    RecordVersion? Version = null,
    RecordVersion? Loser = null,
    IReadOnlyList<Diagnostic>? Problems = null,
    string? LoserJson = null)
{
    public bool ChangesGit => Files.Count > 0;

    /// <summary>The record (or kept loser) is new to Git: the clone's tip held no file for it.</summary>
    public bool Created { get; init; }
}
