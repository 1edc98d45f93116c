using SigilGate.Domain.Trees;

namespace SigilGate.Git;

/// <summary>
/// A checkout on disk as a tree (the <c>.git</c> directory left out), for <c>sigil validate DIR</c>;
/// a folder holding its own <c>.git</c> is one submodule entry, as git would stage it.
/// </summary>
public static class DirectorySnapshot
{
    public static TreeSnapshot Read(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{directory}: no such directory");

        var files = new List<TreeFile>();
        Collect(new DirectoryInfo(root), root, files);
        return new TreeSnapshot(files);
    }

    // A submodule's checkout holds a '.git' file (gitdir: ...) and a nested clone a '.git' folder.
    private static bool IsNestedRepository(DirectoryInfo directory) => Path.Exists(Path.Combine(directory.FullName, ".git"));

    private static void Collect(DirectoryInfo directory, string root, List<TreeFile> files)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            if (relative == ".git") continue;
            if (entry.LinkTarget is not null)
            {
                files.Add(new TreeFile(relative, TreeFileMode.Symlink, relative, () => System.Text.Encoding.UTF8.GetBytes(entry.LinkTarget)));
            }
            else if (entry is DirectoryInfo nested && IsNestedRepository(nested))
            {
                // git stages such a folder as one gitlink entry (a submodule), never its files:
                // the checkout is read as the hooks read the staged tree and the push.
                files.Add(new TreeFile(relative, TreeFileMode.Submodule, relative, () => ReadOnlyMemory<byte>.Empty));
            }
            else if (entry is DirectoryInfo child)
            {
                Collect(child, root, files);
            }
            else
            {
                var path = entry.FullName;
                var mode = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0 ? TreeFileMode.Executable : TreeFileMode.Regular;
                files.Add(new TreeFile(relative, mode, relative, () => File.ReadAllBytes(path)));
            }
        }
    }
}
