using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;

namespace SigilGate.Domain.Validation;

/// <summary>
/// Symbolic links and submodules (gitlinks) where they break clones or records. A symbolic link
/// named <c>.gitmodules</c>, in any folder and in any spelling a file system reads as that name,
/// makes git refuse to check out the tree (fsck's gitmodulesSymlink; git reads
/// <c>.gitattributes</c>, <c>.gitignore</c> and <c>.mailmap</c> without following links, so a
/// link there silently does nothing). Under the folders records live in, a link or a submodule
/// would make a clone read a record from elsewhere or not at all. Record files themselves are
/// refused as links when they are read (see <see cref="RecordFileReader"/>).
/// </summary>
internal static class LinkPlacement
{
    // The file git reads each name from, and the first six letters NTFS keeps of it in a short name
    // with the hashed form git also checks (git's is_ntfs_dotgitmodules and friends).
    private static readonly (string Name, string Short, string Hashed)[] GitFiles =
    [
        (".gitmodules", "gitmod", "gi7eba"),
        (".gitattributes", "gitatt", "gi7d29"),
        (".gitignore", "gitign", "gi250a"),
        (".mailmap", "mailma", "maba30"),
    ];

    private static readonly string[] ManagedRoots = ["nodes", "state", ".sigil"];

    /// <summary>Whether <see cref="Problem"/> needs the file's mode for <paramref name="path"/> (a file, not a folder).</summary>
    public static bool MayMatter(string path) => IsManaged(path) || GitFileOf(path[(path.LastIndexOf('/') + 1)..]) is not null;

    public static string? Problem(TreeFile file)
    {
        if (file.Mode is not (TreeFileMode.Symlink or TreeFileMode.Submodule)) return null;
        var what = file.Mode == TreeFileMode.Symlink ? "a symbolic link" : "a submodule";
        var name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
        if (file.Mode == TreeFileMode.Symlink && GitFileOf(name) is { } gitFile)
        {
            return $"must be a regular file, not a symbolic link: git reads {gitFile} only as a regular file{(gitFile == ".gitmodules" ? " and refuses to check out a tree with such a link" : "")}";
        }

        // A record path is judged when the record is read; what else lives beside the records is judged here.
        var kind = RecordPath.Parse(file.Path).Kind;
        if (IsManaged(file.Path) && kind is RecordKind.Other or RecordKind.KeptConflict)
        {
            return $"must be a regular file, not {what}: nodes/, state/ and .sigil/ hold data that every clone reads the same way";
        }

        return null;
    }

    private static bool IsManaged(string path) =>
        ManagedRoots.Any(root => path == root || path.StartsWith(root + "/", StringComparison.Ordinal));

    /// <summary>The git file <paramref name="name"/> is read as on some file system (case, trailing dots and spaces, 8.3 names, HFS+ invisible characters), or null.</summary>
    private static string? GitFileOf(string name)
    {
        var bare = PortableName.WithoutHfsIgnorables(name).TrimEnd('.', ' ');
        foreach (var (file, shortName, hashed) in GitFiles)
        {
            if (bare.Equals(file, StringComparison.OrdinalIgnoreCase)) return file;
            if (bare.Length == 8 && bare[6] == '~' && bare[7] is >= '1' and <= '9' &&
                (bare.StartsWith(shortName, StringComparison.OrdinalIgnoreCase) || bare.StartsWith(hashed, StringComparison.OrdinalIgnoreCase)))
            {
                return file;
            }
        }

        return null;
    }
}
