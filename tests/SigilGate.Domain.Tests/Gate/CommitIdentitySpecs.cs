using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;

namespace SigilGate.Domain.Tests.Gate;

/// <summary>Commits git commit would never write (an empty author or committer name) are named with the way out.</summary>
public class CommitIdentitySpecs
{
    [TestCase("", "Ann", "commit abcdef0 has an empty author name (git fsck reports such commits; make the commit again with git commit)")]
    [TestCase("Ann", " ", "commit abcdef0 has an empty committer name (git fsck reports such commits; make the commit again with git commit)")]
    [TestCase("", "", "commit abcdef0 has an empty author and committer name (git fsck reports such commits; make the commit again with git commit)")]
    public void An_empty_name_is_a_problem(string author, string committer, string expected)
    {
        CommitIdentity.Problem(Commit(author, committer)).ShouldBe(expected);
    }

    [TestCase("Ann", "Bob")]
    [TestCase(null, null)]
    public void Named_or_unread_signatures_are_not(string? author, string? committer)
    {
        CommitIdentity.Problem(Commit(author, committer)).ShouldBeNull();
    }

    [Test]
    public void An_unreadable_commit_is_named_by_its_short_id()
    {
        new UnreadableCommitException("abcdef0123456789", "failed to parse signature").Message
            .ShouldBe("commit abcdef0 cannot be read: failed to parse signature");
    }

    private static CommitInfo Commit(string? author, string? committer) =>
        new("abcdef0123456789", [], DateTimeOffset.UnixEpoch, "subject") { AuthorName = author, CommitterName = committer };
}
