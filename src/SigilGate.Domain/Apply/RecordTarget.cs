using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Apply;

/// <summary>
/// What Git says a record should be after a commit: its JSON (null = deleted) and its version, and
/// the content hash the record had before the commit (null when not known).
/// </summary>
public sealed record RecordTarget(RecordPath Path, string? Json, RecordVersion Version, string? BaseSha256 = null)
{
    public bool IsDeletion => Json is null;

    /// <summary>
    /// A person took a kept loser for this record in the step (<c>sigil conflicts resolve --take-loser</c>),
    /// having seen what etcd held then: a write made in etcd behind the suite's back counts as seen
    /// exactly when the version covers etcd's guess for it, which names the write by its revision.
    /// </summary>
    public bool TakenByDecision { get; init; }
}
