namespace SigilGate.Core.Trees;

/// <summary>An immutable view of a whole tree (a commit, the index, or a checkout), keyed by path.</summary>
public sealed class TreeSnapshot
{
    private readonly Dictionary<string, TreeFile> _files;

    // Set when this view shows some files of a larger tree: Contains still answers for the whole tree.
    private readonly IReadOnlySet<string>? _allPaths;

    public TreeSnapshot(IEnumerable<TreeFile> files)
    {
        _files = new Dictionary<string, TreeFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _files[file.Path] = file;
        }
    }

    private TreeSnapshot(IEnumerable<TreeFile> files, IReadOnlySet<string> allPaths)
        : this(files)
    {
        _allPaths = allPaths;
    }

    public static TreeSnapshot Empty { get; } = new([]);

    /// <summary>Every path of the tree, whether or not this view shows its file.</summary>
    public IReadOnlyCollection<string> Paths => (IReadOnlyCollection<string>?)_allPaths ?? _files.Keys;

    /// <summary>
    /// A view showing only <paramref name="paths"/> as files, while <see cref="Contains"/> still
    /// answers for the whole tree: rules that only ask whether a file exists need no more.
    /// </summary>
    public TreeSnapshot Restrict(IEnumerable<string> paths)
    {
        var all = _allPaths ?? _files.Keys.ToHashSet(StringComparer.Ordinal);
        return new TreeSnapshot(paths.Select(Find).OfType<TreeFile>(), all);
    }

    public IEnumerable<TreeFile> Files => _files.Values;

    public int Count => _files.Count;

    public TreeFile? Find(string path) => _files.GetValueOrDefault(path);

    public bool Contains(string path) => _allPaths?.Contains(path) ?? _files.ContainsKey(path);
}
