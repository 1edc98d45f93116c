using LibGit2Sharp;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// Folders too large to read through LibGit2Sharp (a Core node's 10,000 records): read whole by git
/// (<see cref="GitTreeObjects"/>) unless a reader before kept them (<see cref="LargeTreeCache"/>) or they
/// are loose objects (<see cref="LooseTrees"/>, inflated here). The first few read are held by object
/// id for the reader's life, so a folder the tip and the pushed commit share is read once; of those
/// read after them, only the last few.
/// </summary>
/// <param name="objects">The object store, asked for a tree's size only.</param>
/// <param name="gitDir">The repository (or overlay) <paramref name="objects"/> was opened on, for git to read.</param>
/// <param name="cache">Where trees inflated here or by git are kept for later readers (<see cref="LargeTreeCache"/>); null: nowhere.</param>
internal sealed class LargeTrees(Repository objects, string gitDir, LargeTreeCache? cache) : IDisposable
{
    // A folder whose tree object is larger than this (about 800 records) is read by git: at that
    // size both take a few milliseconds; a 10,000-entry folder costs LibGit2Sharp about 50 ms to
    // enumerate, and each lookup by name in it reads it again.
    private const long LargeTreeBytes = 32 * 1024;

    // libgit2 inflates and parses the whole folder for each name looked up in it (tens of
    // milliseconds for a folder of 100,000 records, 4 MB); git's read serves every later look-up.
    private const long ParsedPerNameBytes = 1024 * 1024;

    // A push reads two or three large folders of the tip and as many of the pushed commit.
    private const int KeptPerReader = 6;

    // Of the trees read after those, a folder per commit (a walk back through the history, an apply
    // of many commits), the last few stay: a commit's folder is its child's parent folder.
    private const int RecentPerReader = 8;

    // The first KeptPerReader trees read, for the reader's life; after them, the last RecentPerReader.
    private readonly Dictionary<string, RawTree> _read = new(StringComparer.Ordinal);

    private readonly Queue<string> _recent = new();

    private readonly GitTreeObjects _git = new(gitDir);

    private readonly LooseTrees _loose = new(gitDir);

    private int _kept;

    /// <summary>Whether git reads this tree. Reads the header only: for a packed tree, a few bytes, not the 400 KB of a large folder.</summary>
    public bool IsLarge(string treeId) => _read.ContainsKey(treeId) || Size(treeId) > LargeTreeBytes;

    /// <summary>
    /// Whether <paramref name="names"/> names are found faster in this tree through git's read than by
    /// libgit2 looking each up: many names, a tree git has read already, or a tree too large to parse per name.
    /// </summary>
    public bool IsReadFasterByGit(string treeId, int names)
    {
        if (_read.ContainsKey(treeId)) return true;
        var size = Size(treeId);
        return size > LargeTreeBytes && (names > 2 || size > ParsedPerNameBytes);
    }

    // The object's header only: for a packed tree, a few bytes, not the folder.
    private long Size(string treeId) => objects.ObjectDatabase.RetrieveObjectMetadata(new ObjectId(treeId)).Size;

    /// <summary>The trees of <paramref name="ids"/>, those not read yet read by one git.</summary>
    public Dictionary<string, RawTree> Read(IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var read = new Dictionary<string, RawTree>(StringComparer.Ordinal);
        foreach (var id in wanted)
        {
            if (_read.TryGetValue(id, out var held)) read[id] = held;
            else if (cache?.Load(id) is { } kept) Remember(id, read[id] = kept);
            else if (_loose.TryRead(id) is { } loose) Add(id, read[id] = loose);
        }

        var missing = wanted.Where(id => !read.ContainsKey(id)).ToList();
        foreach (var (id, tree) in _git.Read(missing)) Add(id, read[id] = tree);
        return wanted.ToDictionary(id => id, id => read.GetValueOrDefault(id) ?? throw new GitReadException($"tree {id} is missing from the repository"), StringComparer.Ordinal);
    }

    /// <summary>One tree, read by git unless it was already.</summary>
    public RawTree Read(string id) => Read([id])[id];

    /// <summary>Ends the git that reads the trees: it reads the overlay's objects, so it goes before the overlay does.</summary>
    public void Dispose() => _git.Dispose();

    // A tree inflated here or by git is kept for later readers too: the first ones a reader reads (a
    // push's folders at the tip and in the pushed commit). Those a walk back through the history reads
    // after them, a folder per commit, would only push them out of the cache.
    private void Add(string id, RawTree tree)
    {
        Remember(id, tree);
        if (cache is null || _kept == KeptPerReader) return;
        _kept++;
        cache.Keep(id, tree);
    }

    // Held for the reader's life, a folder of 100,000 records per commit walked or applied would
    // hold 4 MB per commit: hundreds of megabytes for an apply catching up on a few hundred commits.
    private void Remember(string id, RawTree tree)
    {
        if (!_read.TryAdd(id, tree) || _read.Count <= KeptPerReader) return;
        _recent.Enqueue(id);
        if (_recent.Count > RecentPerReader) _read.Remove(_recent.Dequeue());
    }
}
