using SigilGate.Domain.Trees;

namespace SigilGate.Testing.InMemory;

/// <summary>A file's content and mode in an <see cref="InMemoryRepository"/> tree; its id is git's blob id.</summary>
public sealed record InMemoryBlob(TreeFileMode Mode, byte[] Content)
{
    public string Id { get; } = GitObjects.BlobId(Content);

    public TreeFile ToFile(string path) => new(path, Mode, Id, () => Content);
}
