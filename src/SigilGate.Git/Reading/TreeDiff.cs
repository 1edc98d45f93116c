namespace SigilGate.Git;

/// <summary>
/// The paths that differ between two commits' trees, compared here rather than by libgit2: folder
/// by folder, going into a subfolder only when its id differs, and two large folders (a Core node's
/// 10,000 records) side by side in their raw form, making strings only for what differs. libgit2's
/// tree diff took about 17 ms for a one-record change there. A file and a folder of the same name
/// are a deletion and an addition, as git diff shows them.
/// </summary>
/// <param name="commitChanges">Where a commit's changes against its parent are kept between readers; null: nowhere.</param>
internal sealed partial class TreeDiff(RepositoryObjects objects, CommitChangesCache? commitChanges = null)
{
    // pre-receive asks for the same diff up to four times (scope, new names, stale versions, the
    // commit's own paths); libgit2 reads a large folder's tree again for each, so each diff is kept.
    private readonly Dictionary<(string? From, string To), (IReadOnlyList<string> Changed, IReadOnlySet<string> Added)> _diffs = [];

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha) => Diff(fromSha, toSha).Changed;

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha) => Diff(fromSha, toSha).Added;

    private (IReadOnlyList<string> Changed, IReadOnlySet<string> Added) Diff(string? fromSha, string toSha)
    {
        if (_diffs.TryGetValue((fromSha, toSha), out var known)) return known;

        // Only a commit's changes against its own parents are kept: those are what a walk asks again, one per commit.
        var to = objects.RequireCommit(toSha);
        var keeper = fromSha is not null && to.Parents.Any(parent => parent.Sha == fromSha) ? commitChanges : null;
        if (keeper?.Load(fromSha!, toSha) is { } kept)
        {
            _diffs[(fromSha, toSha)] = kept;
            return kept;
        }

        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        var large = new List<LargePair>();
        CompareFolders(fromSha is null ? null : objects.RequireCommit(fromSha).Tree.Sha, to.Tree.Sha, "", paths, added, large);

        // Pairs of large folders wait until the walk has found them all (a Core node's records and
        // their version sidecars are two), then one git reads every one of them: each git started
        // costs about 4 ms, and a hook used to start one per pair.
        while (large.Count > 0)
        {
            var round = large.ToList();
            large.Clear();
            var trees = objects.Large.Read(round.SelectMany(pair => new[] { pair.OldId, pair.NewId }));
            foreach (var pair in round) CompareRaw(trees[pair.OldId], trees[pair.NewId], pair.Prefix, paths, added, large);
        }

        (IReadOnlyList<string> Changed, IReadOnlySet<string> Added) diff = (paths.ToList(), added);
        _diffs[(fromSha, toSha)] = diff;
        keeper?.Keep(fromSha!, toSha, diff.Changed, added);
        return diff;
    }

    /// <summary>Compares two folders entry by entry; two large ones are left in <paramref name="large"/>, to be read together with the others.</summary>
    private void CompareFolders(string? oldId, string? newId, string prefix, SortedSet<string> changed, HashSet<string> added, List<LargePair> large)
    {
        if (oldId == newId) return;
        if (oldId is null || newId is null)
        {
            AllFiles(oldId ?? newId!, prefix, changed, newId is null ? null : added);
            return;
        }

        if (objects.Large.IsLarge(oldId) && objects.Large.IsLarge(newId))
        {
            large.Add(new LargePair(oldId, newId, prefix));
            return;
        }

        var olds = objects.Entries(oldId).ToDictionary(e => (e.Name, e.IsFolder));
        var news = objects.Entries(newId).ToDictionary(e => (e.Name, e.IsFolder));
        foreach (var (key, old) in olds)
        {
            if (!news.TryGetValue(key, out var now)) Gone(old.Name, old.IsFolder, old.Id, prefix, changed);
            else if (key.IsFolder) CompareFolders(old.Id, now.Id, prefix + key.Name + "/", changed, added, large);
            else if (old != now) changed.Add(prefix + key.Name);
        }

        foreach (var (key, now) in news)
        {
            if (!olds.ContainsKey(key)) Came(now.Name, now.IsFolder, now.Id, prefix, changed, added);
        }
    }
}
