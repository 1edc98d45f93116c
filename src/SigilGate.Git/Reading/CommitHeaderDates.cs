using System.Text;
using LibGit2Sharp;
using SigilGate.Domain.Git;

namespace SigilGate.Git;

/// <summary>
/// Checks the author and committer dates as the commit object stores them. libgit2 reads a zone
/// it cannot parse, or one of more than 14 hours, as +0000 (its signature.c), so the parsed commit
/// cannot tell a forged <c>+1500</c> from UTC; the header's own text can. The raw commit is read
/// only when libgit2's reading could hide such a zone: a zone of +0000, or one .NET refuses.
/// </summary>
internal static class CommitHeaderDates
{
    private static readonly string[] Fields = ["author", "committer"];

    /// <exception cref="UnreadableCommitException">A date is not one git writes.</exception>
    public static void Check(Commit commit, Func<string, byte[]> rawCommit)
    {
        if (!MayHideAZone(commit)) return;
        var header = Header(Encoding.UTF8.GetString(rawCommit(commit.Sha)));
        foreach (var field in Fields)
        {
            // git reads the first line of each; a continuation line starts with a space.
            var line = header.FirstOrDefault(l => l.StartsWith(field + " ", StringComparison.Ordinal));
            if (line is not null && SignatureLine.Problem(field, line[(field.Length + 1)..]) is { } problem) throw new UnreadableCommitException(commit.Sha, problem);
        }
    }

    private static bool MayHideAZone(Commit commit)
    {
        try
        {
            return commit.Author.When.Offset == TimeSpan.Zero || commit.Committer.When.Offset == TimeSpan.Zero;
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException)
        {
            return true;
        }
    }

    // The header ends at the first empty line; the message after it is not read.
    private static IEnumerable<string> Header(string commit) => commit.Split('\n').TakeWhile(line => line.Length > 0);
}
