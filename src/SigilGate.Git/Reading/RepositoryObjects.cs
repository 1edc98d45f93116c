using LibGit2Sharp;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Git;

/// <summary>
/// The object store a reader reads from (in pre-receive, the quarantine overlay): commits, trees
/// and blobs by id. Small trees come from LibGit2Sharp, large ones from git (<see cref="LargeTrees"/>);
/// the history, the snapshots, the look-ups and the diff all read objects through this.
/// </summary>
/// <param name="cache">Where large trees are kept between readers; null: nowhere.</param>
internal sealed class RepositoryObjects(Repository objects, string gitDir, LargeTreeCache? cache = null) : IDisposable
{
    public LargeTrees Large { get; } = new(objects, gitDir, cache);

    /// <summary>The LibGit2Sharp repository, for the revision walk and merge bases.</summary>
    public Repository Repository => objects;

    public Commit RequireCommit(string sha) =>
        Commit(sha) ?? throw new GitReadException($"commit {sha} not found in the repository");

    /// <summary>The commit, or null when there is no such object. libgit2 parses a commit when it is looked up: one it cannot parse is an UnreadableCommitException naming it.</summary>
    public Commit? Commit(string sha)
    {
        try
        {
            return Lookup<Commit>(sha);
        }
        catch (LibGit2SharpException exception)
        {
            throw GitErrors.UnreadableCommit(sha, exception);
        }
    }

    public Tree Tree(string treeId) =>
        Lookup<Tree>(treeId) ?? throw new GitReadException($"tree {treeId} is missing from the repository");

    // An id is looked up as one: as text, libgit2 would parse it as a revision expression first.
    private T? Lookup<T>(string idOrRevision)
        where T : GitObject =>
        ObjectId.TryParse(idOrRevision, out var id) ? objects.Lookup<T>(id) : objects.Lookup<T>(idOrRevision);

    /// <summary>A folder's entries with their mode and object id, from git when the folder is large.</summary>
    public IEnumerable<FolderEntry> Entries(string treeId)
    {
        if (Large.IsLarge(treeId))
        {
            var tree = Large.Read(treeId);
            for (var entry = 0; entry < tree.Count; entry++) yield return new FolderEntry(tree.Name(entry), tree.IsFolder(entry), tree.Mode(entry), tree.Id(entry));
            yield break;
        }

        foreach (var entry in Tree(treeId))
        {
            var isFolder = entry.TargetType == TreeEntryTargetType.Tree;
            yield return new FolderEntry(entry.Name, isFolder, isFolder ? TreeFileMode.Regular : TreeFiles.ModeOf(entry.Mode), entry.Target.Sha);
        }
    }

    /// <summary>A file of a large tree git read.</summary>
    public TreeFile File(string path, RawTree tree, int entry) => TreeFiles.FromRaw(path, tree, entry, objects);

    public void Dispose()
    {
        // git reads the overlay's objects until it ends: it goes before the repository does.
        Large.Dispose();
        objects.Dispose();
    }
}
