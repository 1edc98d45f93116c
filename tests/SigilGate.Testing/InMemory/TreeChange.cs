using System.Text;
using SigilGate.Domain.Trees;

namespace SigilGate.Testing.InMemory;

/// <summary>One file a commit of an <see cref="InMemoryRepository"/> writes or removes (null content).</summary>
public sealed record TreeChange(string Path, byte[]? Content, TreeFileMode Mode = TreeFileMode.Regular)
{
    public static TreeChange Write(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    public static TreeChange Executable(string path, string text) => new(path, Encoding.UTF8.GetBytes(text), TreeFileMode.Executable);

    /// <summary>A symbolic link: git keeps its target as the blob's content.</summary>
    public static TreeChange Link(string path, string target) => new(path, Encoding.UTF8.GetBytes(target), TreeFileMode.Symlink);

    public static TreeChange Delete(string path) => new(path, null);

    /// <summary><c>("a.yaml", "text")</c> writes a file, <c>("a.yaml", null)</c> removes it.</summary>
    public static implicit operator TreeChange((string Path, string? Text) change) =>
        change.Text is null ? Delete(change.Path) : Write(change.Path, change.Text);
}
