using LibGit2Sharp;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Trees;

namespace SigilGate.Git;

/// <summary>
/// Reads commits and trees with LibGit2Sharp. Objects come from <paramref name="objects"/> (which
/// may be a quarantine overlay); refs and notes come from <paramref name="refs"/>, the real repository.
/// Folders too large to read in process are read by git from <paramref name="objectsGitDir"/>,
/// the repository (or overlay) that <paramref name="objects"/> was opened on, once per reader.
/// </summary>
internal sealed class GitRepositoryReader(Repository objects, Repository refs, IDisposable? overlay, string objectsGitDir) : IRepositoryReader, INoteWriter
{
    // Apply receipts: LibGit2Sharp names a notes ref by its namespace, refs by their full name.
    private const string NotesNamespace = "sigil";
    private const string NotesRef = "refs/notes/" + NotesNamespace;

    // See FanOutNotesWhenLarge: at most 256 folders and the notes added since the last move.
    private const int NotesTopLimit = 512;

    private static readonly Signature NoteAuthor = new("sigil", "sigil@localhost", DateTimeOffset.UnixEpoch);

    // A folder whose tree object is larger than this (about 800 records) is read by git
    // (GitTreeObjects): at that size both take a few milliseconds; a 10,000-entry folder costs
    // LibGit2Sharp about 50 ms to enumerate, and each lookup by name in it reads it again.
    private const long LargeTreeBytes = 32 * 1024;

    // Large trees read by git, by object id: a folder the tip and the pushed commit share is read once.
    private readonly Dictionary<string, RawTree> _largeTrees = new(StringComparer.Ordinal);

    private readonly GitTreeObjects _treeObjects = new(objectsGitDir);

    public CommitInfo? FindCommit(string sha) => Describe(Lookup(sha));

    public string? BranchTip(string branch) => refs.Refs["refs/heads/" + branch]?.ResolveToDirectReference()?.TargetIdentifier;

    public IReadOnlyList<CommitInfo> CommitsBetween(string? oldSha, string newSha)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = newSha,
            ExcludeReachableFrom = oldSha,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        };
        try
        {
            return objects.Commits.QueryBy(filter).Select(c => Describe(c)!).ToList();
        }
        catch (LibGit2SharpException exception)
        {
            throw new UnreadableCommitException(FirstUnreadable(oldSha, newSha) ?? newSha, exception.Message, exception);
        }
    }

    public IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha)
    {
        var chain = new List<CommitInfo>();
        var current = Lookup(newSha);
        while (current is not null && current.Sha != oldSha)
        {
            chain.Add(Describe(current)!);
            current = current.Parents.FirstOrDefault();
        }

        chain.Reverse();
        return chain;
    }

    public bool IsAncestor(string ancestorSha, string descendantSha)
    {
        var ancestor = Lookup(ancestorSha);
        var descendant = Lookup(descendantSha);
        if (ancestor is null || descendant is null) return false;
        return objects.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Sha == ancestor.Sha;
    }

    public string? MergeBase(string firstSha, string secondSha) =>
        objects.ObjectDatabase.FindMergeBase(RequireCommit(firstSha), RequireCommit(secondSha))?.Sha;

    public TreeSnapshot Snapshot(string commitSha)
    {
        var files = new List<TreeFile>();
        var large = new List<(string Path, string Id)>();
        Collect(RequireCommit(commitSha).Tree, "", files, large);
        while (large.Count > 0)
        {
            var trees = LargeTrees(large.Select(l => l.Id));
            var deeper = new List<(string Path, string Id)>();
            foreach (var (folder, id) in large)
            {
                var tree = trees[id];
                for (var entry = 0; entry < tree.Count; entry++)
                {
                    var path = folder + "/" + tree.Name(entry);
                    if (!tree.IsFolder(entry))
                    {
                        files.Add(ToFile(path, tree, entry));
                        continue;
                    }

                    var subfolder = tree.Id(entry);
                    if (IsLarge(subfolder)) deeper.Add((path, subfolder));
                    else Collect(objects.Lookup<Tree>(subfolder), path + "/", files, deeper);
                }
            }

            large = deeper;
        }

        return new TreeSnapshot(files);
    }

    // pre-receive asks for the same diff up to four times (scope, new names, stale versions, the
    // commit's own paths); libgit2 reads a large folder's tree again for each, so each diff is kept.
    private readonly Dictionary<(string? From, string To), (IReadOnlyList<string> Changed, IReadOnlySet<string> Added)> _diffs = [];

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha) => Diff(fromSha, toSha).Changed;

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha) => Diff(fromSha, toSha).Added;

    private (IReadOnlyList<string> Changed, IReadOnlySet<string> Added) Diff(string? fromSha, string toSha)
    {
        if (_diffs.TryGetValue((fromSha, toSha), out var known)) return known;
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        var large = new List<LargePair>();
        CompareFolders(fromSha is null ? null : RequireCommit(fromSha).Tree.Sha, RequireCommit(toSha).Tree.Sha, "", paths, added, large);

        // Pairs of large folders wait until the walk has found them all (a Core node's records and
        // their version sidecars are two), then one git reads every one of them: each git started
        // costs about 4 ms, and a hook used to start one per pair.
        while (large.Count > 0)
        {
            var round = large.ToList();
            large.Clear();
            var trees = LargeTrees(round.SelectMany(pair => new[] { pair.OldId, pair.NewId }));
            foreach (var pair in round) CompareRaw(trees[pair.OldId], trees[pair.NewId], pair.Prefix, paths, added, large);
        }

        var diff = (paths.ToList(), added);
        _diffs[(fromSha, toSha)] = diff;
        return diff;
    }

    /// <summary>
    /// Compares two folders entry by entry, going into a subfolder only when its id differs. Two
    /// large folders (a Core node's 10,000 records) are walked side by side in their raw form,
    /// making strings only for what differs: libgit2's tree diff took about 17 ms for a one-record
    /// change there. A file and a folder of the same name are a deletion and an addition, as git
    /// diff shows them.
    /// </summary>
    /// <param name="large">Where two large folders to compare are left, to be read together with the others.</param>
    private void CompareFolders(string? oldId, string? newId, string prefix, SortedSet<string> changed, HashSet<string> added, List<LargePair> large)
    {
        if (oldId == newId) return;
        if (oldId is null || newId is null)
        {
            AllFiles(oldId ?? newId!, prefix, changed, newId is null ? null : added);
            return;
        }

        if (IsLarge(oldId) && IsLarge(newId))
        {
            large.Add(new LargePair(oldId, newId, prefix));
            return;
        }

        var olds = Entries(oldId).ToDictionary(e => (e.Name, e.IsFolder));
        var news = Entries(newId).ToDictionary(e => (e.Name, e.IsFolder));
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

    /// <summary>Two large folders of one path, old and new, whose raw trees are compared once git has read them.</summary>
    private readonly record struct LargePair(string OldId, string NewId, string Prefix);

    private void CompareRaw(RawTree olds, RawTree news, string prefix, SortedSet<string> changed, HashSet<string> added, List<LargePair> large)
    {
        int i = 0, j = 0;
        while (i < olds.Count || j < news.Count)
        {
            var order = i == olds.Count ? 1 : j == news.Count ? -1 : RawTree.Order(olds, i, news, j);
            if (order < 0)
            {
                Gone(olds.Name(i), olds.IsFolder(i), olds.Id(i), prefix, changed);
                i++;
            }
            else if (order > 0)
            {
                Came(news.Name(j), news.IsFolder(j), news.Id(j), prefix, changed, added);
                j++;
            }
            else
            {
                if (!RawTree.SameContent(olds, i, news, j))
                {
                    if (olds.IsFolder(i)) CompareFolders(olds.Id(i), news.Id(j), prefix + olds.Name(i) + "/", changed, added, large);
                    else changed.Add(prefix + olds.Name(i));
                }

                i++;
                j++;
            }
        }
    }

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
        foreach (var entry in Entries(treeId))
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

    private readonly record struct FolderEntry(string Name, bool IsFolder, TreeFileMode Mode, string Id);

    /// <summary>A folder's entries with their mode and object id.</summary>
    private IEnumerable<FolderEntry> Entries(string treeId)
    {
        if (IsLarge(treeId))
        {
            var tree = LargeTrees([treeId])[treeId];
            for (var entry = 0; entry < tree.Count; entry++) yield return new FolderEntry(tree.Name(entry), tree.IsFolder(entry), tree.Mode(entry), tree.Id(entry));
            yield break;
        }

        foreach (var entry in objects.Lookup<Tree>(treeId) ?? throw new GitReadException($"tree {treeId} is missing from the repository"))
        {
            var isFolder = entry.TargetType == TreeEntryTargetType.Tree;
            yield return new FolderEntry(entry.Name, isFolder, isFolder ? TreeFileMode.Regular : ModeOf(entry), entry.Target.Sha);
        }
    }

    public FolderListing ListFolder(string commitSha, string folder)
    {
        var root = RequireCommit(commitSha).Tree;
        var tree = root;
        if (folder.Length > 0)
        {
            if (root[folder] is not { TargetType: TreeEntryTargetType.Tree } entry) return FolderListing.Empty;
            var id = entry.Target.Sha;
            if (IsLarge(id))
            {
                var large = LargeTrees([id])[id];
                var entries = Enumerable.Range(0, large.Count).ToList();
                return new FolderListing(
                    entries.Where(e => !large.IsFolder(e)).Select(e => ToFile(folder + "/" + large.Name(e), large, e)).ToList(),
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
            else files.Add(ToFile(prefix + child.Name, child));
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
        var root = RequireCommit(commitSha).Tree;
        var files = new List<TreeFile>();
        var large = new List<(string Id, List<string> Wanted)>();
        foreach (var folder in paths.Distinct(StringComparer.Ordinal).GroupBy(FolderOf, StringComparer.Ordinal))
        {
            var tree = root;
            var wanted = folder.ToList();
            if (folder.Key.Length > 0)
            {
                if (root[folder.Key] is not { TargetType: TreeEntryTargetType.Tree } entry) continue;

                // A name or two is found faster by libgit2 reading the folder once per name than by starting git.
                var id = entry.Target.Sha;
                if ((wanted.Count > 2 || _largeTrees.ContainsKey(id)) && IsLarge(id))
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
                if (child is not null && child.TargetType != TreeEntryTargetType.Tree) files.Add(ToFile(path, child));
            }
        }

        var trees = LargeTrees(large.Select(l => l.Id));
        foreach (var (id, wanted) in large)
        {
            var tree = trees[id];
            foreach (var path in wanted)
            {
                var entry = tree.FindFile(path[(path.LastIndexOf('/') + 1)..]);
                if (entry >= 0) files.Add(ToFile(path, tree, entry));
            }
        }

        return new TreeSnapshot(files);
    }

    // Reads the header only: for a packed tree, a few bytes, not the 400 KB of a large folder.
    private bool IsLarge(string treeId) =>
        _largeTrees.ContainsKey(treeId) || objects.ObjectDatabase.RetrieveObjectMetadata(new ObjectId(treeId)).Size > LargeTreeBytes;

    /// <summary>The large trees of <paramref name="ids"/>, those not read yet read by one git.</summary>
    private Dictionary<string, RawTree> LargeTrees(IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var missing = wanted.Where(id => !_largeTrees.ContainsKey(id)).ToList();
        foreach (var (id, tree) in _treeObjects.Read(missing)) _largeTrees[id] = tree;
        return wanted.ToDictionary(id => id, id => _largeTrees.GetValueOrDefault(id) ?? throw new GitReadException($"tree {id} is missing from the repository"), StringComparer.Ordinal);
    }

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";

    public void AddNote(string commitSha, string text)
    {
        refs.Notes.Add(new ObjectId(commitSha), text, Now(), Now(), NotesNamespace);
        FanOutNotesWhenLarge();
    }

    /// <summary>
    /// libgit2 adds a note to the top folder of the notes tree unless a folder named by the
    /// commit's first two hex digits exists there, so without this the top folder would gain an
    /// entry per applied commit, forever, and every apply reads and writes it whole. Once it holds
    /// more than <see cref="NotesTopLimit"/> entries, its notes are moved into those folders
    /// (<c>ab/cdef…</c>, the fan-out git uses for large notes trees; both read notes either way).
    /// </summary>
    private void FanOutNotesWhenLarge()
    {
        if (refs.Refs[NotesRef] is not { } reference || reference.ResolveToDirectReference()?.Target is not Commit notes) return;
        if (notes.Tree.Count <= NotesTopLimit) return;

        var atTop = notes.Tree.Where(e => e.TargetType == TreeEntryTargetType.Blob && e.Name.Length > 2).ToList();
        if (atTop.Count == 0) return;

        var tree = TreeDefinition.From(notes.Tree);
        foreach (var note in atTop)
        {
            tree.Remove(note.Name);
            tree.Add($"{note.Name[..2]}/{note.Name[2..]}", note);
        }

        var signature = Now();
        var moved = refs.ObjectDatabase.CreateCommit(
            signature, signature, "Notes moved into fan-out folders\n", refs.ObjectDatabase.CreateTree(tree), [notes], prettifyMessage: false);
        refs.Refs.UpdateTarget(reference, moved.Id, "sigil: notes moved into fan-out folders");
    }

    public bool HasNote(string commitSha) => refs.Notes[NotesNamespace, new ObjectId(commitSha)] is not null;

    public void Dispose()
    {
        // git reads the overlay's objects until it ends: it goes before the overlay does.
        _treeObjects.Dispose();
        objects.Dispose();
        if (!ReferenceEquals(objects, refs)) refs.Dispose();
        overlay?.Dispose();
    }

    private static Signature Now() => new(NoteAuthor.Name, NoteAuthor.Email, DateTimeOffset.UtcNow);

    private Commit RequireCommit(string sha) =>
        Lookup(sha) ?? throw new GitReadException($"commit {sha} not found in the repository");

    // libgit2 parses a commit when it is looked up, and fails on one git commit would never write
    // (no author line, say); the commit is named so the pusher knows which one to make again.
    private Commit? Lookup(string sha)
    {
        try
        {
            return objects.Lookup<Commit>(sha);
        }
        catch (LibGit2SharpException exception)
        {
            throw new UnreadableCommitException(sha, exception.Message, exception);
        }
    }

    // The revision walk only says that some commit failed; walking back by hand finds which.
    private string? FirstUnreadable(string? oldSha, string newSha)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([newSha]);
        while (queue.TryDequeue(out var sha))
        {
            if (sha == oldSha || !seen.Add(sha)) continue;
            Commit? commit;
            try
            {
                commit = objects.Lookup<Commit>(sha);
            }
            catch (LibGit2SharpException)
            {
                return sha;
            }

            foreach (var parent in commit?.Parents ?? []) queue.Enqueue(parent.Sha);
        }

        return null;
    }

    private static CommitInfo? Describe(Commit? commit)
    {
        if (commit is null) return null;
        try
        {
            return new CommitInfo(commit.Sha, commit.Parents.Select(p => p.Sha).ToList(), CommitDates.Bounded(commit.Committer.When), commit.MessageShort)
            {
                AuthorName = commit.Author.Name,
                CommitterName = commit.Committer.Name,
            };
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException or LibGit2SharpException)
        {
            // A date git itself would never write (after 9999, before 1970, a zone of days) reaches
            // here from 'git hash-object --literally' or a forged commit; it names the commit.
            throw new UnreadableCommitException(commit.Sha, CommitDates.Problem(exception), exception);
        }
    }

    private void Collect(Tree tree, string prefix, List<TreeFile> files, List<(string Path, string Id)> large)
    {
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.TargetType != TreeEntryTargetType.Tree)
            {
                files.Add(ToFile(path, entry));
            }
            else if (IsLarge(entry.Target.Sha))
            {
                large.Add((path, entry.Target.Sha));
            }
            else
            {
                Collect((Tree)entry.Target, path + "/", files, large);
            }
        }
    }

    private TreeFile ToFile(string path, RawTree tree, int entry)
    {
        var (mode, id) = (tree.Mode(entry), tree.Id(entry));
        return mode == TreeFileMode.Submodule
            ? new TreeFile(path, mode, id, () => ReadOnlyMemory<byte>.Empty)
            : new TreeFile(path, mode, id, () => ReadAll(objects.Lookup<Blob>(id) ?? throw new GitReadException($"blob {id} of {path} is missing from the repository")));
    }

    private static TreeFileMode ModeOf(TreeEntry entry) => entry.Mode switch
    {
        Mode.ExecutableFile => TreeFileMode.Executable,
        Mode.SymbolicLink => TreeFileMode.Symlink,
        Mode.GitLink => TreeFileMode.Submodule,
        _ => TreeFileMode.Regular,
    };

    private static TreeFile ToFile(string path, TreeEntry entry)
    {
        var mode = ModeOf(entry);
        if (entry.Target is not Blob blob) return new TreeFile(path, mode, entry.Target.Sha, () => ReadOnlyMemory<byte>.Empty);
        return new TreeFile(path, mode, blob.Sha, () => ReadAll(blob));
    }

    private static byte[] ReadAll(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream(checked((int)blob.Size));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
