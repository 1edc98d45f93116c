using LibGit2Sharp;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The <see cref="INoteWriter"/> port: apply receipts as git notes in <c>refs/notes/sigil</c>, one per
/// applied commit. It writes into <paramref name="repository"/>, which the reader opened with it owns
/// (<see cref="GitRepositories.OpenForWriting"/>); a failure is a <see cref="GitWriteException"/>.
/// </summary>
internal sealed class ReceiptNoteWriter(Repository repository) : INoteWriter
{
    // LibGit2Sharp names a notes ref by its namespace, refs by their full name.
    private const string NotesNamespace = "sigil";
    private const string NotesRef = "refs/notes/" + NotesNamespace;

    // See FanOutNotesWhenLarge: at most 256 folders and the notes added since the last move.
    private const int NotesTopLimit = 512;

    private static readonly Signature NoteAuthor = new("sigil", "sigil@localhost", DateTimeOffset.UnixEpoch);

    public void AddNote(string commitSha, string text)
    {
        try
        {
            repository.Notes.Add(new ObjectId(commitSha), text, Now(), Now(), NotesNamespace);
            FanOutNotesWhenLarge();
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Writing(exception, Receipt(commitSha));
        }
    }

    public bool HasNote(string commitSha)
    {
        try
        {
            return repository.Notes[NotesNamespace, new ObjectId(commitSha)] is not null;
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Reading(exception, Receipt(commitSha));
        }
    }

    /// <summary>
    /// libgit2 adds a note to the top folder of the notes tree unless a folder named by the
    /// commit's first two hex digits exists there, so without this the top folder would gain an
    /// entry per applied commit, forever, and every apply reads and writes it whole. Once it holds
    /// more than <see cref="NotesTopLimit"/> entries, its notes are moved into those folders
    /// (<c>ab/cdef…</c>, the fan-out git uses for large notes trees; both read notes either way).
    /// </summary>
    private void FanOutNotesWhenLarge()
    {
        if (repository.Refs[NotesRef] is not { } reference || reference.ResolveToDirectReference()?.Target is not Commit notes) return;
        if (notes.Tree.Count <= NotesTopLimit) return;

        var atTop = notes.Tree.Where(e => e.TargetType == TreeEntryTargetType.Blob && e.Name.Length > 2).ToList();
        if (atTop.Count == 0) return;

        var tree = TreeDefinition.From(notes.Tree);
        foreach (var note in atTop)
        {
            tree.Remove(note.Name);
            tree.Add($"{note.Name[..2]}/{note.Name[2..]}", note);
        }

        var signature = Now();
        var moved = repository.ObjectDatabase.CreateCommit(
            signature, signature, "Notes moved into fan-out folders\n", repository.ObjectDatabase.CreateTree(tree), [notes], prettifyMessage: false);
        repository.Refs.UpdateTarget(reference, moved.Id, "sigil: notes moved into fan-out folders");
    }

    // What failed, for the message: the repository and the commit's receipt.
    private string Receipt(string commitSha) => $"{repository.Info.Path}: the apply receipt of commit {commitSha[..Math.Min(7, commitSha.Length)]} in {NotesRef}";

    private static Signature Now() => new(NoteAuthor.Name, NoteAuthor.Email, DateTimeOffset.UtcNow);
}
