namespace SigilGate.Domain.Trees;

/// <summary>
/// An immutable view of a tree (a commit, the index, or a checkout), keyed by path: the whole tree,
/// or some of its files with the whole tree behind them for the questions of <see cref="ITreeLookup"/>.
/// </summary>
public sealed class TreeSnapshot : ITreeLookup
{
    private readonly Dictionary<string, TreeFile> _files;

    // Set when this view shows some files of a larger tree: lookups answer for that tree.
    private readonly ITreeLookup? _whole;

    // Set when this view shows some files: the paths whose names the path rules look at.
    private readonly IReadOnlyCollection<string>? _named;

    public TreeSnapshot(IEnumerable<TreeFile> files)
    {
        _files = new Dictionary<string, TreeFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _files[file.Path] = file;
        }
    }

    private TreeSnapshot(IEnumerable<TreeFile> files, ITreeLookup whole, IReadOnlyCollection<string> named)
        : this(files)
    {
        _whole = whole;
        _named = named;
    }

    public static TreeSnapshot Empty { get; } = new([]);

    /// <summary>
    /// The paths the path-name rules look at: every path of the tree, or for a view made by
    /// <see cref="Partial"/> those its caller named (the paths whose names could clash with a new one).
    /// </summary>
    public IReadOnlyCollection<string> Paths => _named ?? _files.Keys;

    /// <summary>
    /// A view showing only <paramref name="paths"/> as files, while <see cref="Paths"/> and the
    /// lookups still answer for the whole tree: rules that only ask whether a file exists need no more.
    /// </summary>
    public TreeSnapshot Restrict(IEnumerable<string> paths) =>
        new(paths.Select(Find).OfType<TreeFile>(), this, _named ?? _files.Keys.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// A view of <paramref name="files"/> of a tree that is never listed whole: <paramref name="whole"/>
    /// answers the lookups, and only <paramref name="named"/> meet the path-name rules.
    /// </summary>
    public static TreeSnapshot Partial(IEnumerable<TreeFile> files, IReadOnlyCollection<string> named, ITreeLookup whole) =>
        new(files, whole, named);

    public IEnumerable<TreeFile> Files => _files.Values;

    public int Count => _files.Count;

    public TreeFile? Find(string path) => _files.GetValueOrDefault(path);

    public bool Contains(string path) => _files.ContainsKey(path) || (_whole?.Contains(path) ?? false);

    public IReadOnlySet<string> Existing(IEnumerable<string> paths) =>
        _whole?.Existing(paths) ?? paths.Where(_files.ContainsKey).ToHashSet(StringComparer.Ordinal);

    public TreeFile? Entry(string path) => _files.GetValueOrDefault(path) ?? _whole?.Entry(path);

    public FolderListing List(string folder) => _whole?.List(folder) ?? FolderListing.Of(folder, _files.Values);
}
