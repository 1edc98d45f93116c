using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Gate;

/// <summary>The paths a commit itself changes: what the policy holds its pusher to (see docs/policy.md).</summary>
public static class CommitPaths
{
    /// <summary>
    /// For a root commit, every path; for an ordinary commit, the diff against its parent. For a
    /// merge, the diff against its first parent (what it brings onto the branch it was made on),
    /// less the paths it takes unchanged from another parent that changed them since the two
    /// parted (their merge base) while the first parent did not: that is another line's change,
    /// merged as git's three-way merge takes it, and judged in the commits that made it. So a
    /// merge that takes an old version of a path (a merge with an old commit of the branch, whose
    /// own diff against that parent is empty) makes that change itself: against the merge base
    /// the old side did not change it, the newer side did.
    /// </summary>
    public static IReadOnlyCollection<string> Of(IRepositoryReader repository, CommitInfo commit)
    {
        if (commit.Parents.Count == 0) return repository.ChangedPaths(null, commit.Sha);
        var first = commit.Parents[0];
        var changed = repository.ChangedPaths(first, commit.Sha);
        if (commit.Parents.Count == 1 || changed.Count == 0) return changed;

        var merged = Versions(repository, commit.Sha, changed);
        var before = Versions(repository, first, changed);
        var sides = commit.Parents.Skip(1).Distinct(StringComparer.Ordinal)
            .Select(parent => (Side: Versions(repository, parent, changed), Base: repository.MergeBase(first, parent) is { } common ? Versions(repository, common, changed) : Absent))
            .ToList();
        return changed.Where(path => !sides.Any(other => TakenFrom(path, merged, before, other.Side, other.Base))).ToList();
    }

    // A path is taken cleanly from the other side when the merge holds that side's version, the
    // other side changed it since the merge base, and the first parent still holds the base's.
    private static bool TakenFrom(string path, Func<string, string?> merged, Func<string, string?> first, Func<string, string?> side, Func<string, string?> common)
    {
        var result = merged(path);
        return result == side(path) && result != common(path) && first(path) == common(path);
    }

    private static string? Absent(string path) => null;

    /// <summary>Each path's version in a commit (mode and object id; null when absent), read in one call.</summary>
    private static Func<string, string?> Versions(IRepositoryReader repository, string sha, IReadOnlyCollection<string> paths)
    {
        var files = repository.Files(sha, paths);
        return path => files.Find(path) is { } file ? $"{file.Mode} {file.ObjectId}" : null;
    }
}
