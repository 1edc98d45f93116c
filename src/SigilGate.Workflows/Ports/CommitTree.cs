using SigilGate.Domain.Trees;

namespace SigilGate.Workflows.Ports;

/// <summary>
/// One commit's tree, read on demand: files looked up by name, a folder listed only when a rule
/// needs all of it, and every answer kept. pre-receive judges a push on top of an accepted tip
/// through this, so its cost follows what the push changes, not the size of the tree (a Core
/// node's area of 10,000 records is 30,000 paths).
/// </summary>
public sealed class CommitTree(IRepositoryReader repository, string commitSha) : ITreeLookup
{
    // null: looked up and absent.
    private readonly Dictionary<string, TreeFile?> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FolderListing> _folders = new(StringComparer.Ordinal);

    public string Sha => commitSha;

    public TreeFile? Find(string path) => Files([path]).FirstOrDefault();

    /// <summary>The files of <paramref name="paths"/> that exist, in the order asked; what is not known yet is looked up in one call.</summary>
    public IReadOnlyList<TreeFile> Files(IEnumerable<string> paths)
    {
        var asked = paths.Distinct(StringComparer.Ordinal).ToList();
        var missing = asked.Where(p => !IsKnown(p)).ToList();
        if (missing.Count > 0)
        {
            var found = repository.Files(commitSha, missing);
            foreach (var path in missing) _known[path] = found.Find(path);
        }

        return asked.Select(p => _known.GetValueOrDefault(p)).OfType<TreeFile>().ToList();
    }

    public bool Contains(string path) => Find(path) is not null;

    public TreeFile? Entry(string path) => Find(path);

    public IReadOnlySet<string> Existing(IEnumerable<string> paths) =>
        Files(paths).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

    public FolderListing List(string folder)
    {
        if (_folders.TryGetValue(folder, out var listing)) return listing;
        listing = repository.ListFolder(commitSha, folder);
        _folders[folder] = listing;
        foreach (var file in listing.Files) _known[file.Path] = file;
        return listing;
    }

    // A path of a listed folder that the listing does not show is known to be absent.
    private bool IsKnown(string path)
    {
        if (_known.ContainsKey(path)) return true;
        var slash = path.LastIndexOf('/');
        return _folders.ContainsKey(slash < 0 ? "" : path[..slash]);
    }
}
