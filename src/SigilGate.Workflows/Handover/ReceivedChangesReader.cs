using SigilGate.Domain.Git;
using SigilGate.Domain.Trees;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Handover;

/// <summary>
/// A reader that answers from <see cref="ReceivedChanges"/> what they hold: the diff of exactly their
/// two commits, and files at either commit when every path asked for is one they know. Everything
/// else (another pair of commits, another path, the history) is asked of the repository, as before.
/// </summary>
public sealed class ReceivedChangesReader(IRepositoryReader repository, ReceivedChanges known) : IRepositoryReader
{
    public CommitInfo? FindCommit(string sha) => repository.FindCommit(sha);

    public string? BranchTip(string branch) => repository.BranchTip(branch);

    public IReadOnlyList<string> BranchNames() => repository.BranchNames();

    public IReadOnlyList<CommitInfo> CommitsBetween(string? oldSha, string newSha) => repository.CommitsBetween(oldSha, newSha);

    public IReadOnlyList<CommitInfo> FirstParentChain(string? oldSha, string newSha) => repository.FirstParentChain(oldSha, newSha);

    public bool IsAncestor(string ancestorSha, string descendantSha) => repository.IsAncestor(ancestorSha, descendantSha);

    public string? MergeBase(string firstSha, string secondSha) => repository.MergeBase(firstSha, secondSha);

    public TreeSnapshot Snapshot(string commitSha) => repository.Snapshot(commitSha);

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha) =>
        fromSha == known.Old && toSha == known.New ? known.ChangedPaths : repository.ChangedPaths(fromSha, toSha);

    public IReadOnlySet<string> AddedPaths(string? fromSha, string toSha) => repository.AddedPaths(fromSha, toSha);

    public FolderListing ListFolder(string commitSha, string folder) => repository.ListFolder(commitSha, folder);

    public TreeSnapshot Files(string commitSha, IEnumerable<string> paths)
    {
        var asked = paths.Distinct(StringComparer.Ordinal).ToList();
        if ((commitSha != known.Old && commitSha != known.New) || !known.Covers(asked)) return repository.Files(commitSha, asked);
        var files = new List<TreeFile>();
        foreach (var path in asked)
        {
            if (known.At(commitSha, path) is { } file) files.Add(repository.FileOf(path, file.Mode, file.ObjectId));
        }

        return new TreeSnapshot(files);
    }

    public TreeFile FileOf(string path, TreeFileMode mode, string objectId) => repository.FileOf(path, mode, objectId);

    public void Dispose() => repository.Dispose();
}
