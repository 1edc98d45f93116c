using SigilGate.Domain.Git;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Apply;

/// <summary>
/// When a file last changed: from a commit, back through a parent that holds the same content
/// (the first such parent), to the commit that brought the content in. A record without a version
/// sidecar is versioned by the commit that wrote it (that is what the apply recorded in etcd), not
/// by whatever later commit it is read at: dated by the tip, every unrelated commit would make the
/// record look newly changed, and a Core node's change on top of it concurrent. Following only
/// first parents would date by a merge whatever the merge took from its other side (a plain
/// <c>git pull</c> makes the operator's own commit the first parent): the gate, the pusher and the
/// apply would each see a change that nobody made, and a node's push would look stale forever.
/// </summary>
public static class LastChange
{
    /// <summary>Commits walked at most; a file unchanged for longer is dated by the oldest one walked.</summary>
    public const int MaxCommits = 2_000;

    public static DateTimeOffset TimeOf(IRepositoryReader repository, CommitInfo commit, string path)
    {
        var current = commit;
        var content = ObjectIdOf(repository, current.Sha, path);
        for (var walked = 0; walked < MaxCommits; walked++)
        {
            var same = current.Parents.FirstOrDefault(parent => ObjectIdOf(repository, parent, path) == content);
            if (same is null || repository.FindCommit(same) is not { } parent) break;
            current = parent;
        }

        return current.CommitterTime;
    }

    private static string? ObjectIdOf(IRepositoryReader repository, string commitSha, string path) =>
        repository.Files(commitSha, [path]).Find(path)?.ObjectId;
}
