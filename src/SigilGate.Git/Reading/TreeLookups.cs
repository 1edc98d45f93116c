using LibGit2Sharp;
using SigilGate.Domain.Trees;

namespace SigilGate.Git;

/// <summary>Parts of a commit's tree: one folder's listing, or given paths looked up folder by folder.</summary>
internal sealed class TreeLookups(RepositoryObjects objects)
{
    public FolderListing ListFolder(string commitSha, string folder)
    {
        var root = objects.RequireCommit(commitSha).Tree;
        var tree = root;
        if (folder.Length > 0)
        {
            if (root[folder] is not { TargetType: TreeEntryTargetType.Tree } entry) return FolderListing.Empty;
            var id = entry.Target.Sha;
            if (objects.Large.IsLarge(id))
            {
                var large = objects.Large.Read(id);
                var entries = Enumerable.Range(0, large.Count).ToList();
                return new FolderListing(
                    entries.Where(e => !large.IsFolder(e)).Select(e => objects.File(folder + "/" + large.Name(e), large, e)).ToList(),
                    entries.Where(large.IsFolder).Select(e => folder + "/" + large.Name(e)).ToList());
            }

            tree = (Tree)entry.Target;
        }

        var files = new List<TreeFile>();
        var folders = new List<string>();
        var prefix = folder.Length == 0 ? "" : folder + "/";
        foreach (var child in tree)
        {
            if (child.TargetType == TreeEntryTargetType.Tree) folders.Add(prefix + child.Name);
            else files.Add(TreeFiles.FromEntry(prefix + child.Name, child));
        }

        return new FolderListing(files, folders);
    }

    /// <summary>
    /// Looks paths up folder by folder: libgit2 caches only small trees, so a lookup by full path
    /// re-reads a large folder (10,000 entries) for every file, which made reading N files of one
    /// folder cost N times the folder. Each folder is now read once.
    /// </summary>
    public TreeSnapshot Files(string commitSha, IEnumerable<string> paths)
    {
        var root = objects.RequireCommit(commitSha).Tree;
        var files = new List<TreeFile>();
        var large = new List<(string Id, List<string> Wanted)>();
        foreach (var folder in paths.Distinct(StringComparer.Ordinal).GroupBy(FolderOf, StringComparer.Ordinal))
        {
            var tree = root;
            var wanted = folder.ToList();
            if (folder.Key.Length > 0)
            {
                if (root[folder.Key] is not { TargetType: TreeEntryTargetType.Tree } entry) continue;

                // A name or two is found faster by libgit2 reading the folder once per name than by starting
                // git, up to a size: past it, git's read (kept for the next look-up) is the faster one.
                var id = entry.Target.Sha;
                if (objects.Large.IsReadFasterByGit(id, wanted.Count))
                {
                    large.Add((id, wanted));
                    continue;
                }

                tree = (Tree)entry.Target;
            }

            // Tree's indexer looks the tree up again by id on every call; one enumeration reads it once.
            var entries = wanted.Count > 8 ? tree.ToDictionary(e => e.Name, StringComparer.Ordinal) : null;
            foreach (var path in wanted)
            {
                var name = path[(path.LastIndexOf('/') + 1)..];
                var child = entries is null ? tree[name] : entries.GetValueOrDefault(name);
                if (child is not null && child.TargetType != TreeEntryTargetType.Tree) files.Add(TreeFiles.FromEntry(path, child));
            }
        }

        var trees = objects.Large.Read(large.Select(l => l.Id));
        foreach (var (id, wanted) in large)
        {
            var tree = trees[id];
            foreach (var path in wanted)
            {
                var entry = tree.FindFile(path[(path.LastIndexOf('/') + 1)..]);
                if (entry >= 0) files.Add(objects.File(path, tree, entry));
            }
        }

        return new TreeSnapshot(files);
    }

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";
}
