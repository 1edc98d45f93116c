namespace SigilGate.Git;

/// <summary>What only one side of a diff holds: a file or folder gone, or come.</summary>
internal sealed partial class TreeDiff
{
    private void Gone(string name, bool isFolder, string id, string prefix, SortedSet<string> changed)
    {
        if (isFolder) AllFiles(id, prefix + name + "/", changed, null);
        else changed.Add(prefix + name);
    }

    private void Came(string name, bool isFolder, string id, string prefix, SortedSet<string> changed, HashSet<string> added)
    {
        if (isFolder)
        {
            AllFiles(id, prefix + name + "/", changed, added);
            return;
        }

        changed.Add(prefix + name);
        added.Add(prefix + name);
    }

    /// <summary>Every file under a folder that only one side has: all changed, and added when <paramref name="added"/> is given.</summary>
    private void AllFiles(string treeId, string prefix, SortedSet<string> changed, HashSet<string>? added)
    {
        foreach (var entry in objects.Entries(treeId))
        {
            var path = prefix + entry.Name;
            if (entry.IsFolder)
            {
                AllFiles(entry.Id, path + "/", changed, added);
                continue;
            }

            changed.Add(path);
            added?.Add(path);
        }
    }
}
