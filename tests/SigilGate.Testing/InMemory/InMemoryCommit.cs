using SigilGate.Domain.Git;

namespace SigilGate.Testing.InMemory;

/// <summary>A commit of an <see cref="InMemoryRepository"/>: what the port reports of it, its whole tree, and what git needs to write it again.</summary>
public sealed record InMemoryCommit(CommitInfo Info, IReadOnlyDictionary<string, InMemoryBlob> Tree, string Message, string AuthorEmail, string CommitterEmail)
{
    public string Sha => Info.Sha;
}
