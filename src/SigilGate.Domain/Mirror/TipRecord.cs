using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;
using SigilGate.Domain.Bookkeeping;

namespace SigilGate.Domain.Mirror;

/// <summary>A record as the clone's branch tip holds it: its canonical JSON (null = absent) and version.</summary>
public sealed record TipRecord(Record? Record, RecordVersion? Version)
{
    public static TipRecord None { get; } = new(null, null);
}
