namespace SigilGate.Workflows.Ports;

/// <summary>Writes apply receipts as git notes (in <c>refs/notes/sigil</c>).</summary>
public interface INoteWriter
{
    /// <summary>Records <paramref name="text"/> as the commit's receipt; <see cref="GitWriteException"/> when the repository cannot be written.</summary>
    void AddNote(string commitSha, string text);

    /// <summary>Whether the commit has a receipt; <see cref="GitReadException"/> when the notes cannot be read.</summary>
    bool HasNote(string commitSha);
}
