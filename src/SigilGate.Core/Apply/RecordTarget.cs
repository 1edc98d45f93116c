using SigilGate.Core.Records;
using SigilGate.Core.Versioning;

namespace SigilGate.Core.Apply;

/// <summary>What Git says a record should be after a commit: its JSON (null = deleted) and its version.</summary>
public sealed record RecordTarget(RecordPath Path, string? Json, RecordVersion Version)
{
    public bool IsDeletion => Json is null;
}
