using SigilGate.Workflows.Handover;

namespace SigilGate.Git;

/// <summary>
/// The <see cref="ReceivedChanges"/> of the last update pre-receive accepted, kept as one file in the
/// bare repository (<see cref="FileName"/>) in the text of <see cref="ReceivedChangesText"/>, replaced
/// whole (<see cref="ReplacedFile"/>). Read back only for exactly the update it names and only when its
/// checksum holds: a file left by another push, cut short or damaged is no file at all.
/// </summary>
internal sealed class ReceivedChangesFile(string gitDir) : IReceivedChangesStore
{
    public const string FileName = "sigil-received-changes";

    private string Path => System.IO.Path.Combine(gitDir, FileName);

    public ReceivedChanges? Load(string oldSha, string newSha) =>
        ReplacedFile.Read(Path) is { } bytes && ReceivedChangesText.Parse(bytes) is { } changes && changes.Old == oldSha && changes.New == newSha ? changes : null;

    public void Save(ReceivedChanges changes)
    {
        if (ReceivedChangesText.Write(changes) is { } text) ReplacedFile.Write(Path, text);
    }
}
