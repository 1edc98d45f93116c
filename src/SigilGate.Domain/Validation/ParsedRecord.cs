using SigilGate.Domain.Records;

namespace SigilGate.Domain.Validation;

/// <summary>A synced record file read so far: what parsed, and whether the file had no problem of its own.</summary>
internal sealed record ParsedRecord(RecordPath Path, ParsedFields Fields, bool IsClean);
