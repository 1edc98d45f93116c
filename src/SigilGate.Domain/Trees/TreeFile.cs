namespace SigilGate.Domain.Trees;

/// <summary>How a tree entry is stored; only regular files can hold records.</summary>
public enum TreeFileMode
{
    Regular,
    Executable,
    Symlink,
    Submodule,
}

/// <summary>A file of a tree: its path (with '/' separators), mode, object id and content.</summary>
public sealed class TreeFile(string path, TreeFileMode mode, string objectId, Func<ReadOnlyMemory<byte>> content)
{
    private ReadOnlyMemory<byte>? _content;

    public string Path { get; } = path;

    public TreeFileMode Mode { get; } = mode;

    /// <summary>The Git blob id (or any content-identifying string for trees not from Git).</summary>
    public string ObjectId { get; } = objectId;

    /// <summary>Content is loaded on first use: most files of a tree are never read by a push.</summary>
    public ReadOnlyMemory<byte> Content => _content ??= content();

    public static TreeFile FromText(string path, string text) =>
        FromBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    public static TreeFile FromBytes(string path, byte[] bytes) =>
        new(path, TreeFileMode.Regular, Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(bytes)), () => bytes);
}
