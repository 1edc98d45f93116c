using SigilGate.Domain.Git;
using SigilGate.Domain.Trees;

namespace SigilGate.Workflows.Ports;

/// <summary>Read access to the objects of a repository (including objects still in push quarantine).</summary>
/// <remarks>
/// Failures: <see cref="GitReadException"/> when the repository or an object it needs cannot be read
/// (no commit of the id whose tree is asked for, a missing tree or blob, also when a file's content
/// is read later); <see cref="UnreadableCommitException"/> when a commit exists but cannot be parsed
/// (it names the commit, for the pusher to make again). Nothing else of Git's escapes.
/// </remarks>
public interface IRepositoryReader : IDisposable
{
    CommitInfo? FindCommit(string sha);

    /// <summary>The commit a branch points at, or null when the branch does not exist.</summary>
    string? BranchTip(string branch);

    /// <summary>The short names of the repository's branches (such as main), sorted; none before the first push.</summary>
    IReadOnlyList<string> BranchNames();

    /// <summary>Commits reachable from <paramref name="newSha"/> and not from <paramref name="oldSha"/>, parents before children.</summary>
    IReadOnlyList<CommitInfo> CommitsBetween(string? oldSha, string newSha);

    /// <summary>The first-parent chain after <paramref name="oldSha"/> up to <paramref name="newSha"/>, oldest first.</summary>
    IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha);

    bool IsAncestor(string ancestorSha, string descendantSha);

    /// <summary>A best common ancestor of two commits (git merge-base), or null when their histories are unrelated.</summary>
    string? MergeBase(string firstSha, string secondSha);

    /// <summary>The whole tree of a commit (file contents are read lazily).</summary>
    TreeSnapshot Snapshot(string commitSha);

    /// <summary>Paths whose content or mode differ between two commits (null = the empty tree). No rename detection: a rename is a delete and an add.</summary>
    IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha);

    /// <summary>Paths of files in <paramref name="toSha"/>'s tree that <paramref name="fromSha"/>'s tree (null = the empty tree) does not hold.</summary>
    IReadOnlySet<string> AddedPaths(string? fromSha, string toSha);

    /// <summary>What one folder of a commit's tree holds directly ("" is the root; empty when there is no such folder).</summary>
    FolderListing ListFolder(string commitSha, string folder);

    /// <summary>The given paths of a commit's tree (missing paths are left out).</summary>
    TreeSnapshot Files(string commitSha, IEnumerable<string> paths);

    /// <summary>A file whose tree entry is already known (its mode and blob id), without reading any tree; its content is read when first asked for.</summary>
    TreeFile FileOf(string path, TreeFileMode mode, string objectId);
}
