using SigilGate.Domain.Drift;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Tests.Drift;

/// <summary>An <see cref="IKnownRecordStore"/> in memory, counting what drift saves; read-only ones keep nothing.</summary>
internal sealed class KeptReadings(KnownRecords? kept = null, bool readOnly = false) : IKnownRecordStore
{
    public KnownRecords Kept { get; private set; } = kept ?? KnownRecords.None;

    public int Saves { get; private set; }

    public KnownRecords Load() => Kept;

    public void Save(KnownRecords known)
    {
        if (readOnly) return;
        Saves++;
        Kept = known;
    }
}
