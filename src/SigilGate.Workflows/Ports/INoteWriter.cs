using SigilGate.Domain.Git;

namespace SigilGate.Workflows.Ports;

/// <summary>Writes apply receipts as git notes (in <c>refs/notes/sigil</c>).</summary>
public interface INoteWriter
{
    void AddNote(string commitSha, string text);

    bool HasNote(string commitSha);
}
