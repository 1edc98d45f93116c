using SigilGate.Domain.Git;

namespace SigilGate.Domain.Gate;

/// <summary>
/// The protected branch's history is kept forever and read by every clone: a commit whose author
/// or committer has an empty name (git commit refuses to make one, git fsck reports it) is refused.
/// </summary>
public static class CommitIdentity
{
    public const string Advice = "git fsck reports such commits; make the commit again with git commit";

    /// <summary>What is wrong with the commit's signatures, or null (also when the reader does not know the names).</summary>
    public static string? Problem(CommitInfo commit)
    {
        var author = IsEmpty(commit.AuthorName);
        var committer = IsEmpty(commit.CommitterName);
        var which = (author, committer) switch
        {
            (true, true) => "author and committer",
            (true, false) => "author",
            (false, true) => "committer",
            _ => null,
        };
        return which is null ? null : $"commit {commit.ShortSha} has an empty {which} name ({Advice})";
    }

    private static bool IsEmpty(string? name) => name is not null && string.IsNullOrWhiteSpace(name);
}
