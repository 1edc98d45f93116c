namespace SigilGate.Core.Trees;

/// <summary>An immutable view of a whole tree (a commit, the index, or a checkout), keyed by path.</summary>
public sealed class TreeSnapshot
{
    private readonly Dictionary<string, TreeFile> _files;

    public TreeSnapshot(IEnumerable<TreeFile> files)
    {
        _files = new Dictionary<string, TreeFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _files[file.Path] = file;
        }
    }

    public static TreeSnapshot Empty { get; } = new([]);

    public IEnumerable<TreeFile> Files => _files.Values;

    public int Count => _files.Count;

    public TreeFile? Find(string path) => _files.GetValueOrDefault(path);

    public bool Contains(string path) => _files.ContainsKey(path);
}
