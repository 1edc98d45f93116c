using LibGit2Sharp;
using SigilGate.Domain.Git;

namespace SigilGate.Git;

/// <summary>A LibGit2Sharp commit as the domain sees it (<see cref="CommitInfo"/>); no LibGit2Sharp type goes further.</summary>
internal static class CommitDescription
{
    public static CommitInfo? Of(Commit? commit)
    {
        if (commit is null) return null;
        try
        {
            return new CommitInfo(commit.Sha, commit.Parents.Select(p => p.Sha).ToList(), CommitDates.Bounded(commit.Committer.When), commit.MessageShort)
            {
                AuthorName = commit.Author.Name,
                CommitterName = commit.Committer.Name,
                Message = commit.Message,
            };
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException or LibGit2SharpException)
        {
            // A date git itself would never write (after 9999, before 1970, a zone of days) reaches
            // here from 'git hash-object --literally' or a forged commit; it names the commit.
            throw new UnreadableCommitException(commit.Sha, CommitDates.Problem(exception), exception);
        }
    }
}
