using LibGit2Sharp;
using SigilGate.Domain.Git;

namespace SigilGate.Git;

/// <summary>
/// Commits and how they relate: look-up, branch tips (from <paramref name="refs"/>, the real
/// repository), the commits a push brings, the first-parent chain, ancestry and merge bases.
/// </summary>
internal sealed class CommitHistory(RepositoryObjects objects, Repository refs)
{
    public CommitInfo? FindCommit(string sha) => CommitDescription.Of(objects.Commit(sha));

    public string? BranchTip(string branch) => refs.Refs["refs/heads/" + branch]?.ResolveToDirectReference()?.TargetIdentifier;

    public IReadOnlyList<string> BranchNames() =>
        [.. refs.Branches.Where(b => !b.IsRemote).Select(b => b.FriendlyName).Order(StringComparer.Ordinal)];

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
            return objects.Repository.Commits.QueryBy(filter).Select(c => CommitDescription.Of(c)!).ToList();
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.UnreadableCommit(FirstUnreadable(oldSha, newSha) ?? newSha, exception);
        }
    }

    public IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha)
    {
        var chain = new List<CommitInfo>();
        var current = objects.Commit(newSha);
        while (current is not null && current.Sha != oldSha)
        {
            chain.Add(CommitDescription.Of(current)!);
            current = current.Parents.FirstOrDefault();
        }

        chain.Reverse();
        return chain;
    }

    public bool IsAncestor(string ancestorSha, string descendantSha)
    {
        var ancestor = objects.Commit(ancestorSha);
        var descendant = objects.Commit(descendantSha);
        if (ancestor is null || descendant is null) return false;
        return objects.Repository.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Sha == ancestor.Sha;
    }

    public string? MergeBase(string firstSha, string secondSha) =>
        objects.Repository.ObjectDatabase.FindMergeBase(objects.RequireCommit(firstSha), objects.RequireCommit(secondSha))?.Sha;

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
                commit = objects.Commit(sha);
            }
            catch (UnreadableCommitException)
            {
                return sha;
            }

            foreach (var parent in commit?.Parents ?? []) queue.Enqueue(parent.Sha);
        }

        return null;
    }
}
