using SigilGate.Domain.Versioning;
using SigilGate.Domain.Records;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Git;
using SigilGate.Domain.Trees;

namespace SigilGate.Workflows.Tests.Apply;

/// <summary>A one-branch history of whole trees: each commit sets or removes some files.</summary>
internal sealed class FileHistory : IRepositoryReader
{
    private readonly List<(CommitInfo Commit, Dictionary<string, string> Files)> commits = [];

    public CommitInfo Tip => commits[^1].Commit;

    /// <summary>A commit one minute after the last; a null text removes the file.</summary>
    public FileHistory Commit(params (string Path, string? Text)[] changes)
    {
        var files = commits.Count == 0 ? new Dictionary<string, string>() : new Dictionary<string, string>(commits[^1].Files);
        foreach (var (path, text) in changes)
        {
            if (text is null) files.Remove(path);
            else files[path] = text;
        }

        var sha = (commits.Count + 1).ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
        var parents = commits.Count == 0 ? [] : new[] { commits[^1].Commit.Sha };
        commits.Add((new CommitInfo(sha, parents, TimeOf(commits.Count), $"commit {commits.Count + 1}"), files));
        return this;
    }

    /// <summary>
    /// A merge one minute after the last commit: the tree of commit <paramref name="first"/> with
    /// <paramref name="changes"/>, whose parents are commits <paramref name="first"/> then <paramref name="second"/> (by index).
    /// </summary>
    public FileHistory Merge(int first, int second, params (string Path, string? Text)[] changes)
    {
        var files = new Dictionary<string, string>(commits[first].Files);
        foreach (var (path, text) in changes)
        {
            if (text is null) files.Remove(path);
            else files[path] = text;
        }

        var sha = (commits.Count + 1).ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
        commits.Add((new CommitInfo(sha, [commits[first].Commit.Sha, commits[second].Commit.Sha], TimeOf(commits.Count), $"merge {commits.Count + 1}"), files));
        return this;
    }

    /// <summary>A commit one minute after the last, on top of commit <paramref name="parent"/> (by index) instead of the last.</summary>
    public FileHistory CommitOn(int parent, params (string Path, string? Text)[] changes) =>
        Merge(parent, parent, changes).WithSingleParent();

    private FileHistory WithSingleParent()
    {
        var (commit, files) = commits[^1];
        commits[^1] = (commit with { Parents = [commit.Parents[0]] }, files);
        return this;
    }

    public static DateTimeOffset TimeOf(int index) => DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 + index * 60);

    public CommitInfo? FindCommit(string sha) => commits.Select(c => c.Commit).FirstOrDefault(c => c.Sha == sha);

    public string? BranchTip(string branch) => commits.Count == 0 ? null : Tip.Sha;

    public IReadOnlyList<CommitInfo> CommitsBetween(string? oldSha, string newSha) => throw new NotSupportedException();

    public IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha) => throw new NotSupportedException();

    public bool IsAncestor(string ancestorSha, string descendantSha) => throw new NotSupportedException();

    public string? MergeBase(string firstSha, string secondSha) => throw new NotSupportedException();

    public TreeSnapshot Snapshot(string commitSha) => new(Tree(commitSha).Select(f => TreeFile.FromText(f.Key, f.Value)));

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha) => throw new NotSupportedException();

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha) => throw new NotSupportedException();

    public FolderListing ListFolder(string commitSha, string folder) => Snapshot(commitSha).List(folder);

    public TreeSnapshot Files(string commitSha, IEnumerable<string> paths)
    {
        var tree = Tree(commitSha);
        return new TreeSnapshot(paths.Where(tree.ContainsKey).Select(p => TreeFile.FromText(p, tree[p])));
    }

    public void Dispose()
    {
    }

    private Dictionary<string, string> Tree(string sha) => commits.First(c => c.Commit.Sha == sha).Files;
}
