using SigilGate.Core.Git;

namespace SigilGate.Core.Versioning;

/// <summary>
/// When a file last changed, following first parents back from a commit. A record without a
/// version sidecar is versioned by the commit that wrote it (that is what the apply recorded in
/// etcd), not by whatever later commit it is read at: dated by the tip, every unrelated commit
/// would make the record look newly changed, and a Core node's change on top of it concurrent.
/// </summary>
public static class LastChange
{
    /// <summary>Commits walked at most; a file unchanged for longer is dated by the oldest one walked.</summary>
    public const int MaxCommits = 2_000;

    public static DateTimeOffset TimeOf(IRepositoryReader repository, CommitInfo commit, string path)
    {
        var current = commit;
        var content = ObjectIdOf(repository, current.Sha, path);
        for (var walked = 0; walked < MaxCommits && current.FirstParent is { } parentSha; walked++)
        {
            if (ObjectIdOf(repository, parentSha, path) != content) break;
            if (repository.FindCommit(parentSha) is not { } parent) break;
            current = parent;
        }

        return current.CommitterTime;
    }

    private static string? ObjectIdOf(IRepositoryReader repository, string commitSha, string path) =>
        repository.Files(commitSha, [path]).Find(path)?.ObjectId;
}
