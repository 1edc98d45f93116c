using LibGit2Sharp;
using SigilGate.Domain.Trees;

namespace SigilGate.Git;

/// <summary>A commit's whole tree: small folders walked through LibGit2Sharp, large ones read by git, a level at a time.</summary>
internal sealed class TreeSnapshots(RepositoryObjects objects)
{
    public TreeSnapshot Snapshot(string commitSha)
    {
        var files = new List<TreeFile>();
        var large = new List<(string Path, string Id)>();
        Collect(objects.RequireCommit(commitSha).Tree, "", files, large);

        // Each round's large folders are read by one git: each git started costs about 4 ms.
        while (large.Count > 0)
        {
            var trees = objects.Large.Read(large.Select(l => l.Id));
            var deeper = new List<(string Path, string Id)>();
            foreach (var (folder, id) in large)
            {
                var tree = trees[id];
                for (var entry = 0; entry < tree.Count; entry++)
                {
                    var path = folder + "/" + tree.Name(entry);
                    if (!tree.IsFolder(entry))
                    {
                        files.Add(objects.File(path, tree, entry));
                        continue;
                    }

                    var subfolder = tree.Id(entry);
                    if (objects.Large.IsLarge(subfolder)) deeper.Add((path, subfolder));
                    else Collect(objects.Tree(subfolder), path + "/", files, deeper);
                }
            }

            large = deeper;
        }

        return new TreeSnapshot(files);
    }

    /// <summary>The files under a small folder; the large folders met are left in <paramref name="large"/> for git.</summary>
    private void Collect(Tree tree, string prefix, List<TreeFile> files, List<(string Path, string Id)> large)
    {
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.TargetType != TreeEntryTargetType.Tree)
            {
                files.Add(TreeFiles.FromEntry(path, entry));
            }
            else if (objects.Large.IsLarge(entry.Target.Sha))
            {
                large.Add((path, entry.Target.Sha));
            }
            else
            {
                Collect((Tree)entry.Target, path + "/", files, large);
            }
        }
    }
}
