using SigilGate.Domain.Drift;

namespace SigilGate.Workflows.Ports;

/// <summary>
/// Where drift keeps the readings of the branch tip's record files (<see cref="KnownRecords"/>) between
/// runs, so that unchanged blobs are not read and parsed again. Derived from Git alone: losing it, or
/// failing to keep it, costs one full read, never a wrong comparison.
/// </summary>
public interface IKnownRecordStore
{
    /// <summary>The readings last kept, or <see cref="KnownRecords.None"/> when there are none or they cannot be read whole (missing, truncated, corrupt, another build's).</summary>
    KnownRecords Load();

    /// <summary>Keeps <paramref name="known"/> in place of what is kept, whole or not at all; does nothing when it cannot be written (a read-only monitor).</summary>
    void Save(KnownRecords known);
}
