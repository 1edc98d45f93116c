using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// Whether a version sidecar held the same content at an earlier commit of the branch: then a commit
/// that writes it again brought an old version back (a revert of a revert, a cherry-pick of a Core
/// node's commit) rather than writing a new one. The walk follows first parents, the branch's own
/// history, and reads the sidecar only at the commits that changed it (each commit's changes are
/// kept by the Git reader); it is asked only when a node's version meets a Git version it has not seen.
/// </summary>
public static class SidecarHistory
{
    /// <param name="from">The newest commit to look at (the base of the step that writes the sidecar).</param>
    /// <param name="path">The sidecar's path.</param>
    /// <param name="objectId">The sidecar content's object id.</param>
    public static bool HeldAtOrBefore(IRepositoryReader repository, string from, string path, string objectId)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var commit = repository.FindCommit(from);
        var held = repository.Files(from, [path]).Find(path)?.ObjectId;
        while (commit is not null)
        {
            if (held == objectId) return true;
            if (commit.FirstParent is not { } parentSha) return false;
            if (repository.ChangedPaths(parentSha, commit.Sha).Contains(path, StringComparer.Ordinal))
            {
                held = repository.Files(parentSha, [path]).Find(path)?.ObjectId;
            }

            commit = repository.FindCommit(parentSha);
        }

        return false;
    }
}
