using LibGit2Sharp;
using SigilGate.Core.Git;
using SigilGate.Core.Trees;

namespace SigilGate.Adapters.Git;

/// <summary>
/// Reads commits and trees with LibGit2Sharp. Objects come from <paramref name="objects"/> (which
/// may be a quarantine overlay); refs and notes come from <paramref name="refs"/>, the real repository.
/// Folders too large to list in process are listed by git from <paramref name="objectsGitDir"/>,
/// the repository (or overlay) that <paramref name="objects"/> was opened on.
/// </summary>
internal sealed class GitRepositoryReader(Repository objects, Repository refs, IDisposable? overlay, string objectsGitDir) : IRepositoryReader, INoteWriter
{
    private static readonly Signature NoteAuthor = new("sigil", "sigil@localhost", DateTimeOffset.UnixEpoch);

    // Above this many entries a folder is listed by git (GitTreeListing): at 1,000 entries both
    // take a few milliseconds; a 10,000-entry folder costs LibGit2Sharp about 50 ms, git about 10.
    private const int LargeFolder = 1_000;

    // Paths named on git's command line at most (about 100 KB of arguments).
    private const int MaxNamedPaths = 2_000;

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

    public TreeSnapshot Snapshot(string commitSha)
    {
        var files = new List<TreeFile>();
        var large = new List<string>();
        Collect(RequireCommit(commitSha).Tree, files, large);
        files.AddRange(GitTreeListing.List(objectsGitDir, commitSha, large.Select(f => f + "/").ToList(), recursive: true).Select(ToFile));
        return new TreeSnapshot(files);
    }

    // pre-receive asks for the same diff up to four times (scope, new names, stale versions, the
    // commit's own paths); libgit2 re-reads and re-hashes a large folder's tree for each, so each diff is kept.
    private readonly Dictionary<(string? From, string To), (IReadOnlyList<string> Changed, IReadOnlySet<string> Added)> _diffs = [];

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha) => Diff(fromSha, toSha).Changed;

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha) => Diff(fromSha, toSha).Added;

    private (IReadOnlyList<string> Changed, IReadOnlySet<string> Added) Diff(string? fromSha, string toSha)
    {
        if (_diffs.TryGetValue((fromSha, toSha), out var known)) return known;
        var from = fromSha is null ? null : RequireCommit(fromSha).Tree;
        var changes = objects.Diff.Compare<TreeChanges>(from, RequireCommit(toSha).Tree);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            paths.Add(change.Path);
            if (change.OldPath != change.Path) paths.Add(change.OldPath);
            if (change.Status == ChangeKind.Added) added.Add(change.Path);
        }

        var diff = (paths.ToList(), added);
        _diffs[(fromSha, toSha)] = diff;
        return diff;
    }

    public FolderListing ListFolder(string commitSha, string folder)
    {
        var root = RequireCommit(commitSha).Tree;
        var tree = folder.Length == 0 ? root : root[folder]?.Target as Tree;
        if (tree is null) return FolderListing.Empty;
        if (folder.Length > 0 && tree.Count > LargeFolder)
        {
            var entries = GitTreeListing.List(objectsGitDir, commitSha, [folder + "/"], recursive: false, folders: true);
            return new FolderListing(
                entries.Where(e => !e.IsFolder).Select(ToFile).ToList(),
                entries.Where(e => e.IsFolder).Select(e => e.Path).ToList());
        }

        var files = new List<TreeFile>();
        var folders = new List<string>();
        var prefix = folder.Length == 0 ? "" : folder + "/";
        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Tree) folders.Add(prefix + entry.Name);
            else files.Add(ToFile(prefix + entry.Name, entry));
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
        var listed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var folder in paths.Distinct(StringComparer.Ordinal).GroupBy(FolderOf, StringComparer.Ordinal))
        {
            var tree = folder.Key.Length == 0 ? root : root[folder.Key]?.Target as Tree;
            if (tree is null) continue;

            // Tree's indexer looks the tree up again by id on every call; one enumeration reads it once.
            var wanted = folder.ToList();
            if (wanted.Count > 8 && tree.Count > LargeFolder)
            {
                listed[folder.Key] = wanted;
                continue;
            }

            var entries = wanted.Count > 8 ? tree.ToDictionary(e => e.Name, StringComparer.Ordinal) : null;
            foreach (var path in wanted)
            {
                var name = path[(path.LastIndexOf('/') + 1)..];
                var entry = entries is null ? tree[name] : entries.GetValueOrDefault(name);
                if (entry is not null && entry.TargetType != TreeEntryTargetType.Tree) files.Add(ToFile(path, entry));
            }
        }

        if (listed.Count > 0)
        {
            // Named one by one while the command line stays short (git takes no pathspecs on standard input), else whole folders.
            var wanted = listed.Values.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
            var pathspecs = wanted.Count <= MaxNamedPaths ? wanted : listed.Keys.Select(f => f + "/").ToHashSet(StringComparer.Ordinal);
            files.AddRange(GitTreeListing.List(objectsGitDir, commitSha, pathspecs, recursive: false).Where(e => wanted.Contains(e.Path)).Select(ToFile));
        }

        return new TreeSnapshot(files);
    }

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";

    public void AddNote(string commitSha, string text) =>
        refs.Notes.Add(new ObjectId(commitSha), text, Now(), Now(), "sigil");

    public bool HasNote(string commitSha) => refs.Notes["sigil", new ObjectId(commitSha)] is not null;

    public void Dispose()
    {
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

    private static CommitInfo? Describe(Commit? commit) => commit is null
        ? null
        : new CommitInfo(commit.Sha, commit.Parents.Select(p => p.Sha).ToList(), commit.Committer.When, commit.MessageShort)
        {
            AuthorName = commit.Author.Name,
            CommitterName = commit.Committer.Name,
        };

    private static void Collect(Tree tree, List<TreeFile> files, List<string> large)
    {
        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                var folder = (Tree)entry.Target;
                if (folder.Count > LargeFolder)
                {
                    large.Add(entry.Path.Replace('\\', '/'));
                }
                else
                {
                    Collect(folder, files, large);
                }
            }
            else
            {
                files.Add(ToFile(entry.Path.Replace('\\', '/'), entry));
            }
        }
    }

    private TreeFile ToFile(GitTreeListing.Entry entry) => entry.Mode == TreeFileMode.Submodule
        ? new TreeFile(entry.Path, entry.Mode, entry.ObjectId, () => ReadOnlyMemory<byte>.Empty)
        : new TreeFile(entry.Path, entry.Mode, entry.ObjectId, () => ReadAll(objects.Lookup<Blob>(entry.ObjectId) ?? throw new GitReadException($"blob {entry.ObjectId} of {entry.Path} is missing from the repository")));

    private static TreeFile ToFile(string path, TreeEntry entry)
    {
        var mode = entry.Mode switch
        {
            Mode.ExecutableFile => TreeFileMode.Executable,
            Mode.SymbolicLink => TreeFileMode.Symlink,
            Mode.GitLink => TreeFileMode.Submodule,
            _ => TreeFileMode.Regular,
        };
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
