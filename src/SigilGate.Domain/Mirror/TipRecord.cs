using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Mirror;

/// <summary>A record as the clone's branch tip holds it: its canonical JSON (null = absent) and version.</summary>
public sealed record TipRecord(Record? Record, RecordVersion? Version)
{
    public static TipRecord None { get; } = new(null, null);
}
