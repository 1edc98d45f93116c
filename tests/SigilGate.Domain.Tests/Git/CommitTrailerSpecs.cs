using SigilGate.Domain.Git;

namespace SigilGate.Domain.Tests.Git;

public class CommitTrailerSpecs
{
    [Test]
    public void Trailers_are_read_from_the_last_paragraph_in_order()
    {
        var message = "core-1: mirror 2 records from etcd\n\n- a\n- b\n\nSigil-Node: core-1\nSigil-Etcd-Revision: 42\nsigil-node: core-2\n";

        CommitTrailers.Values(message, "Sigil-Node").ShouldBe(["core-1", "core-2"]);
        CommitTrailers.Values(message, "Sigil-Etcd-Revision").ShouldBe(["42"]);
    }

    [TestCase("Sigil-Node: core-1")]
    [TestCase("Sigil-Node: core-1\n")]
    public void A_subject_alone_is_never_a_trailer(string message)
    {
        CommitTrailers.Values(message, "Sigil-Node").ShouldBeEmpty();
    }

    [Test]
    public void A_trailer_like_line_in_the_body_is_not_a_trailer()
    {
        var message = "change\r\n\r\nSigil-Node: core-1 said so\r\n\r\nSigned-off-by: alice\r\n";

        CommitTrailers.Values(message, "Sigil-Node").ShouldBeEmpty();
        CommitTrailers.Values(message, "Signed-off-by").ShouldBe(["alice"]);
    }
}
