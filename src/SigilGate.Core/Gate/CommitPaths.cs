using SigilGate.Core.Git;

namespace SigilGate.Core.Gate;

/// <summary>The paths a commit itself changes.</summary>
public static class CommitPaths
{
    /// <summary>
    /// For an ordinary commit, the diff against its parent. For a merge, only paths that differ
    /// from every parent: what the merge itself introduced (what was merged in was checked in the
    /// commits that brought it, or is already on the branch).
    /// </summary>
    public static IReadOnlyCollection<string> Of(IRepositoryReader repository, CommitInfo commit)
    {
        if (commit.Parents.Count == 0) return repository.ChangedPaths(null, commit.Sha);
        IEnumerable<string>? paths = null;
        foreach (var parent in commit.Parents)
        {
            var changed = repository.ChangedPaths(parent, commit.Sha);
            paths = paths is null ? changed : paths.Intersect(changed, StringComparer.Ordinal);
        }

        return paths!.ToList();
    }
}
