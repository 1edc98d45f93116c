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
}
