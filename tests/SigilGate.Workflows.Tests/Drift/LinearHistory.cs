using SigilGate.Domain.Versioning;
using SigilGate.Domain.Records;
using SigilGate.Workflows.Drift;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Git;
using SigilGate.Domain.Trees;

namespace SigilGate.Workflows.Tests.Drift;

/// <summary>A one-branch history for specs of what only walks commits: each commit lists the paths it changes.</summary>
internal sealed class LinearHistory : IRepositoryReader
{
    private readonly List<(CommitInfo Commit, string[] Changed)> commits = [];

    public IReadOnlyList<CommitInfo> Commits => commits.Select(c => c.Commit).ToList();

    public LinearHistory Commit(params string[] changed)
    {
        var sha = (commits.Count + 1).ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
        var parents = commits.Count == 0 ? [] : new[] { commits[^1].Commit.Sha };
        commits.Add((new CommitInfo(sha, parents, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 + commits.Count * 60), $"commit {commits.Count + 1}"), changed));
        return this;
    }

    public CommitInfo? FindCommit(string sha) => commits.Select(c => c.Commit).FirstOrDefault(c => c.Sha == sha);

    public string? BranchTip(string branch) => commits.Count == 0 ? null : commits[^1].Commit.Sha;

    public IReadOnlyList<CommitInfo> CommitsBetween(string? oldSha, string newSha) => FirstParentChain(oldSha, newSha);

    public IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha) =>
        commits.Take(Index(newSha) + 1).Skip(oldSha is null ? 0 : Index(oldSha) + 1).Select(c => c.Commit).ToList();

    public bool IsAncestor(string ancestorSha, string descendantSha) => Index(ancestorSha) is >= 0 and var a && a <= Index(descendantSha);

    public string? MergeBase(string firstSha, string secondSha) => IsAncestor(firstSha, secondSha) ? firstSha : secondSha;

    public TreeSnapshot Snapshot(string commitSha) => TreeSnapshot.Empty;

    /// <summary>How many times <see cref="ChangedPaths"/> was asked: what reading a commit's changes costs.</summary>
    public int ChangedPathsReads { get; private set; }

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha)
    {
        ChangedPathsReads++;
        return commits.Take(Index(toSha) + 1).Skip(fromSha is null ? 0 : Index(fromSha) + 1).SelectMany(c => c.Changed).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha) => throw new NotSupportedException();

    public FolderListing ListFolder(string commitSha, string folder) => FolderListing.Empty;

    public TreeSnapshot Files(string commitSha, IEnumerable<string> paths) => TreeSnapshot.Empty;

    public void Dispose()
    {
    }

    private int Index(string sha) => commits.FindIndex(c => c.Commit.Sha == sha);
}
