using LibGit2Sharp;
using SigilGate.Domain.Git;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The <see cref="IRepositoryReader"/> port over LibGit2Sharp, put together from one part per
/// concern: <see cref="CommitHistory"/>, <see cref="TreeSnapshots"/>, <see cref="TreeLookups"/> and
/// <see cref="TreeDiff"/>, all reading through <see cref="RepositoryObjects"/>. Every call is the
/// boundary where a LibGit2Sharp failure becomes a <see cref="GitReadException"/> (<see cref="GitErrors"/>).
/// </summary>
/// <param name="objects">Where objects come from: the repository, or in pre-receive a quarantine overlay.</param>
/// <param name="refs">Where branches come from: the real repository (the same one outside pre-receive).</param>
/// <param name="overlay">The quarantine overlay, removed with the reader.</param>
/// <param name="objectsGitDir">The repository (or overlay) <paramref name="objects"/> was opened on, for git to read large folders from.</param>
/// <param name="largeTrees">Where large trees git read are kept for the next reader, and looked for first; null: nowhere.</param>
/// <param name="commitChanges">Where each commit's changes against its parents are kept for the next reader, and looked for first; null: nowhere.</param>
internal sealed class GitRepositoryReader(Repository objects, Repository refs, IDisposable? overlay, string objectsGitDir, LargeTreeCache? largeTrees = null, CommitChangesCache? commitChanges = null) : IRepositoryReader
{
    private readonly RepositoryObjects _objects = new(objects, objectsGitDir, largeTrees);

    // Each part is made when first asked for: post-receive on an applied commit walks no tree.
    private CommitHistory? _history;
    private TreeSnapshots? _snapshots;
    private TreeLookups? _lookups;
    private TreeDiff? _diff;

    private CommitHistory History => _history ??= new(_objects, refs);

    private TreeSnapshots Snapshots => _snapshots ??= new(_objects);

    private TreeLookups Lookups => _lookups ??= new(_objects);

    private TreeDiff Diffs => _diff ??= new(_objects, commitChanges);

    public CommitInfo? FindCommit(string sha) => Read(() => History.FindCommit(sha));

    public string? BranchTip(string branch) => Read(() => History.BranchTip(branch));

    public IReadOnlyList<string> BranchNames() => Read(History.BranchNames);

    public IReadOnlyList<CommitInfo> CommitsBetween(string? oldSha, string newSha) => Read(() => History.CommitsBetween(oldSha, newSha));

    public IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha) => Read(() => History.FirstParentChain(oldSha, newSha));

    public bool IsAncestor(string ancestorSha, string descendantSha) => Read(() => History.IsAncestor(ancestorSha, descendantSha));

    public string? MergeBase(string firstSha, string secondSha) => Read(() => History.MergeBase(firstSha, secondSha));

    public TreeSnapshot Snapshot(string commitSha) => Read(() => Snapshots.Snapshot(commitSha));

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha) => Read(() => Diffs.ChangedPaths(fromSha, toSha));

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha) => Read(() => Diffs.AddedPaths(fromSha, toSha));

    public FolderListing ListFolder(string commitSha, string folder) => Read(() => Lookups.ListFolder(commitSha, folder));

    public TreeSnapshot Files(string commitSha, IEnumerable<string> paths) => Read(() => Lookups.Files(commitSha, paths));

    public TreeFile FileOf(string path, TreeFileMode mode, string objectId) => TreeFiles.FromId(path, mode, objectId, objects);

    public void Dispose()
    {
        // git reads the overlay's objects until it ends: it goes (with the objects) before the overlay does.
        _objects.Dispose();
        if (!ReferenceEquals(objects, refs)) refs.Dispose();
        overlay?.Dispose();
    }

    // The one boundary: what LibGit2Sharp throws past the parts' own translations is a read failure of this repository.
    private T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.Reading(exception, refs.Info.Path);
        }
    }
}
