namespace SigilGate.Domain.Trees;

/// <summary>What one folder of a tree holds directly: its files, and its subfolders' full paths (without a trailing '/').</summary>
public sealed record FolderListing(IReadOnlyList<TreeFile> Files, IReadOnlyList<string> Folders)
{
    public static FolderListing Empty { get; } = new([], []);

    /// <summary>The listing of <paramref name="folder"/> in a tree of which <paramref name="files"/> are every file.</summary>
    public static FolderListing Of(string folder, IEnumerable<TreeFile> files)
    {
        var prefix = folder.Length == 0 ? "" : folder + "/";
        var direct = new List<TreeFile>();
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!file.Path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var slash = file.Path.IndexOf('/', prefix.Length);
            if (slash < 0) direct.Add(file);
            else folders.Add(file.Path[..slash]);
        }

        return new FolderListing(direct, folders.ToList());
    }
}
