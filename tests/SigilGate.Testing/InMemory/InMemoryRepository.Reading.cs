using SigilGate.Domain.Git;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>The <see cref="Workflows.Ports.IRepositoryReader"/> answers, as git gives them.</summary>
public sealed partial class InMemoryRepository
{
    /// <summary>How many times <see cref="ChangedPaths"/> was asked: what reading a commit's changes costs.</summary>
    public int ChangedPathsReads { get; private set; }

    public CommitInfo? FindCommit(string sha)
    {
        lock (gate) return commits.GetValueOrDefault(sha)?.Info;
    }

    public string? BranchTip(string branch)
    {
        lock (gate) return branches.GetValueOrDefault(branch);
    }

    public IReadOnlyList<string> BranchNames()
    {
        lock (gate) return [.. branches.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<CommitInfo> CommitsBetween(string? oldSha, string newSha)
    {
        var excluded = oldSha is null ? [] : Ancestors(oldSha);
        var result = new List<CommitInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Depth first, a commit after its parents.
        void Visit(string sha)
        {
            if (excluded.Contains(sha) || !seen.Add(sha)) return;
            var commit = Require(sha);
            foreach (var parent in commit.Info.Parents) Visit(parent);
            result.Add(commit.Info);
        }

        Visit(newSha);
        return result;
    }

    public IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha)
    {
        var chain = new List<CommitInfo>();
        lock (gate)
        {
            for (var current = commits.GetValueOrDefault(newSha); current is not null && current.Sha != oldSha; current = current.Info.FirstParent is { } parent ? commits.GetValueOrDefault(parent) : null)
            {
                chain.Add(current.Info);
            }
        }

        chain.Reverse();
        return chain;
    }

    public bool IsAncestor(string ancestorSha, string descendantSha)
    {
        lock (gate)
        {
            if (!commits.ContainsKey(ancestorSha) || !commits.ContainsKey(descendantSha)) return false;
        }

        return Ancestors(descendantSha).Contains(ancestorSha);
    }

    /// <summary>A common ancestor that no other common ancestor descends from (the newest, when there are several).</summary>
    public string? MergeBase(string firstSha, string secondSha)
    {
        var common = Ancestors(firstSha);
        common.IntersectWith(Ancestors(secondSha));
        return common
            .Where(candidate => !common.Any(other => other != candidate && Ancestors(other).Contains(candidate)))
            .OrderByDescending(sha => Require(sha).Info.CommitterTime)
            .FirstOrDefault();
    }

    public TreeSnapshot Snapshot(string commitSha) => new(Require(commitSha).Tree.Select(f => f.Value.ToFile(f.Key, IsUnreadable)));

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha)
    {
        lock (gate) ChangedPathsReads++;
        var before = TreeOf(fromSha);
        var after = TreeOf(toSha);
        return before.Keys.Union(after.Keys)
            .Where(path => !(before.TryGetValue(path, out var old) && after.TryGetValue(path, out var now) && old.Id == now.Id && old.Mode == now.Mode))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha)
    {
        var before = TreeOf(fromSha);
        return TreeOf(toSha).Keys.Where(path => !before.ContainsKey(path)).ToHashSet(StringComparer.Ordinal);
    }

    public FolderListing ListFolder(string commitSha, string folder) => FolderListing.Of(folder, Snapshot(commitSha).Files.OrderBy(f => f.Path, StringComparer.Ordinal));

    /// <summary>How many times <see cref="Files"/> was asked: each is a read of the folders the paths are in.</summary>
    public int FilesReads { get; private set; }

    public TreeSnapshot Files(string commitSha, IEnumerable<string> paths)
    {
        lock (gate) FilesReads++;
        var tree = Require(commitSha).Tree;
        return new TreeSnapshot(paths.Distinct(StringComparer.Ordinal).Where(tree.ContainsKey).Select(p => tree[p].ToFile(p, IsUnreadable)));
    }

    public TreeFile FileOf(string path, TreeFileMode mode, string objectId)
    {
        InMemoryBlob? blob;
        lock (gate) blob = commits.Values.SelectMany(c => c.Tree.Values).FirstOrDefault(b => b.Id == objectId);
        if (blob is null) return new TreeFile(path, mode, objectId, () => throw new GitReadException($"blob {objectId} of {path} is missing from the repository"));
        return new TreeFile(path, mode, objectId, () => blob.Content);
    }

    private IReadOnlyDictionary<string, InMemoryBlob> TreeOf(string? sha) =>
        sha is null ? new Dictionary<string, InMemoryBlob>() : Require(sha).Tree;

    /// <summary>The commit and every commit it descends from.</summary>
    private HashSet<string> Ancestors(string sha)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([sha]);
        while (queue.TryDequeue(out var next))
        {
            if (!found.Add(next)) continue;
            foreach (var parent in Require(next).Info.Parents) queue.Enqueue(parent);
        }

        return found;
    }
}
