using SigilGate.Domain.Drift;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Drift's readings of record files kept as one file in the bare repository (<see cref="FileName"/>), in
/// the text form of <see cref="KnownRecordsText"/>, replaced whole (<see cref="ReplacedFile"/>). Read back
/// only when its checksum and the rules it names hold; anything else is no readings at all.
/// </summary>
internal sealed class KnownRecordsFile(string gitDir) : IKnownRecordStore
{
    public const string FileName = "sigil-record-cache";

    private string Path => System.IO.Path.Combine(gitDir, FileName);

    public KnownRecords Load() => (ReplacedFile.Read(Path) is { } bytes ? KnownRecordsText.Parse(bytes) : null) ?? KnownRecords.None;

    /// <remarks>
    /// Drift must stay safe to run as a read-only monitor: when the repository may not be written
    /// (another account, a full disk), the readings are simply not kept and the next run reads again.
    /// </remarks>
    public void Save(KnownRecords known) => ReplacedFile.Write(Path, KnownRecordsText.Write(known).Span);
}
