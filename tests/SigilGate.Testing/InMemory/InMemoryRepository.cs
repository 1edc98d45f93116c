using System.Collections.Concurrent;
using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>
/// A repository in memory for the workflows' unit specs: commits with parents, times, authors and
/// whole trees, branches, and receipt notes. It answers <see cref="IRepositoryReader"/> as the
/// LibGit2Sharp reader does (the same contract suite runs against both), with git's own object ids.
/// Commits are made on a branch (<see cref="Commit"/>, <see cref="Merge"/>) or anywhere (<see cref="CommitOn"/>).
/// </summary>
public sealed partial class InMemoryRepository : IRepositoryReader, INoteWriter
{
    private readonly object gate = new();
    private readonly Dictionary<string, InMemoryCommit> commits = new(StringComparer.Ordinal);
    private readonly List<InMemoryCommit> order = [];
    private readonly Dictionary<string, string> branches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> notes = new(StringComparer.Ordinal);

    /// <summary>The time of the next commit; each commit moves it on by a minute.</summary>
    public DateTimeOffset NextTime { get; set; } = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);

    /// <summary>Blob ids whose content cannot be read, as from a damaged object, until taken out again.</summary>
    public ConcurrentDictionary<string, bool> UnreadableBlobs { get; } = new(StringComparer.Ordinal);

    private bool IsUnreadable(string blobId) => UnreadableBlobs.ContainsKey(blobId);

    /// <summary>The author of the next commits (an empty name makes the commits git fsck reports).</summary>
    public string AuthorName { get; set; } = "Test Operator";

    public string CommitterName { get; set; } = "Test Operator";

    /// <summary>Every commit, parents before children.</summary>
    public IReadOnlyList<InMemoryCommit> Commits
    {
        get
        {
            lock (gate) return [.. order];
        }
    }

    public IReadOnlyDictionary<string, string> Branches
    {
        get
        {
            lock (gate) return new Dictionary<string, string>(branches, StringComparer.Ordinal);
        }
    }

    /// <summary>The receipt notes written, by commit.</summary>
    public IReadOnlyDictionary<string, string> Notes
    {
        get
        {
            lock (gate) return new Dictionary<string, string>(notes, StringComparer.Ordinal);
        }
    }

    /// <summary>A commit on top of <paramref name="branch"/> (a root commit when there is no such branch), which moves to it.</summary>
    public string Commit(string branch, string message, params TreeChange[] changes)
    {
        lock (gate)
        {
            var tip = branches.GetValueOrDefault(branch);
            var sha = CommitOn(tip is null ? [] : [tip], message, changes);
            branches[branch] = sha;
            return sha;
        }
    }

    /// <summary>A merge of <paramref name="other"/> into <paramref name="branch"/>: the branch's tree with <paramref name="changes"/>, parents the branch's tip then <paramref name="other"/>.</summary>
    public string Merge(string branch, string other, string message, params TreeChange[] changes)
    {
        lock (gate)
        {
            var sha = CommitOn([branches[branch], other], message, changes);
            branches[branch] = sha;
            return sha;
        }
    }

    /// <summary>
    /// A commit with the given parents (none: a root commit, of an empty tree plus <paramref name="changes"/>),
    /// whose tree is its first parent's with <paramref name="changes"/>. No branch moves.
    /// </summary>
    public string CommitOn(IReadOnlyList<string> parents, string message, params TreeChange[] changes)
    {
        lock (gate)
        {
            var tree = parents.Count == 0 ? new Dictionary<string, InMemoryBlob>(StringComparer.Ordinal) : new Dictionary<string, InMemoryBlob>(Require(parents[0]).Tree, StringComparer.Ordinal);
            foreach (var change in changes)
            {
                if (change.Content is null) tree.Remove(change.Path);
                else tree[change.Path] = new InMemoryBlob(change.Mode, change.Content);
            }

            CheckNoFileIsAFolder(tree.Keys);
            var time = NextTime;
            NextTime = time.AddMinutes(1);
            var author = Signature(AuthorName);
            var committer = Signature(CommitterName);
            var text = message.EndsWith('\n') ? message : message + "\n";
            var sha = GitObjects.CommitId(GitObjects.TreeId(tree), parents, author, committer, time, text);
            var info = new CommitInfo(sha, [.. parents], time, text.Split('\n')[0]) { AuthorName = AuthorName, CommitterName = CommitterName, Message = text };
            var commit = new InMemoryCommit(info, tree, text, Email(AuthorName), Email(CommitterName));
            if (commits.TryAdd(sha, commit)) order.Add(commit);
            return sha;
        }
    }

    public void SetBranch(string branch, string sha)
    {
        lock (gate)
        {
            Require(sha);
            branches[branch] = sha;
        }
    }

    public void DeleteBranch(string branch)
    {
        lock (gate) branches.Remove(branch);
    }

    /// <summary>The whole tree of a commit, by path.</summary>
    public IReadOnlyDictionary<string, string> TextsAt(string sha) =>
        Require(sha).Tree.ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetString(f.Value.Content), StringComparer.Ordinal);

    public void AddNote(string commitSha, string text)
    {
        lock (gate)
        {
            Require(commitSha);
            notes[commitSha] = text;
        }
    }

    public bool HasNote(string commitSha)
    {
        lock (gate) return notes.ContainsKey(commitSha);
    }

    public void Dispose()
    {
    }

    private InMemoryCommit Require(string sha)
    {
        lock (gate) return commits.GetValueOrDefault(sha) ?? throw new InvalidOperationException($"commit {sha} not found");
    }

    private static string Signature(string name) => $"{name} <{Email(name)}>";

    private static string Email(string name) => (name.Length == 0 ? "nobody" : name.Replace(' ', '.').ToLowerInvariant()) + "@example.invalid";

    // A git tree cannot hold a file and a folder of the same name.
    private static void CheckNoFileIsAFolder(IEnumerable<string> paths)
    {
        var all = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in all)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (all.Contains(path[..slash])) throw new ArgumentException($"{path[..slash]} cannot be both a file and a folder");
            }
        }
    }
}
