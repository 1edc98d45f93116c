using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>A file's content and mode in an <see cref="InMemoryRepository"/> tree; its id is git's blob id.</summary>
public sealed record InMemoryBlob(TreeFileMode Mode, byte[] Content)
{
    public string Id { get; } = GitObjects.BlobId(Content);

    public TreeFile ToFile(string path) => new(path, Mode, Id, () => Content);

    /// <summary>A file whose content cannot be read (as from a damaged object) while <paramref name="unreadable"/> says so.</summary>
    public TreeFile ToFile(string path, Func<string, bool> unreadable) =>
        new(path, Mode, Id, () => unreadable(Id) ? throw new GitReadException($"blob {Id} of {path} cannot be read") : Content);
}
