using SigilGate.Domain.Git;

namespace SigilGate.Domain.Tests.Git;

public class RefUpdateSpecs
{
    private const string A = "1111111111111111111111111111111111111111";
    private const string B = "2222222222222222222222222222222222222222";

    [Test]
    public void Hook_input_is_read_one_update_per_line()
    {
        var updates = RefUpdate.ParseAll($"{A} {B} refs/heads/main\n{RefUpdate.ZeroSha} {A} refs/tags/v1\n{A} {RefUpdate.ZeroSha} refs/heads/old\n", out var malformed);

        malformed.ShouldBeEmpty();
        updates.Count.ShouldBe(3);
        updates[0].IsBranch("main").ShouldBeTrue();
        updates[1].IsCreate.ShouldBeTrue();
        updates[1].Old.ShouldBeNull();
        updates[2].IsDelete.ShouldBeTrue();
    }

    [TestCase("refs/heads/master", "refs/heads/main", true)]
    [TestCase("refs/heads/master", "refs/heads/master", false)]
    [TestCase("refs/heads/master", null, false)]
    [TestCase("refs/heads/main", null, true)]
    public void A_ref_that_resolves_to_the_branch_is_the_branch(string name, string? resolved, bool isBranch)
    {
        new RefUpdate(A, B, name) { ResolvedName = resolved }.IsBranch("main").ShouldBe(isBranch);
    }

    [TestCase("garbage")]
    [TestCase("1111 2222 refs/heads/main")]
    [TestCase("1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 main")]
    public void Malformed_lines_are_reported_not_thrown(string line)
    {
        RefUpdate.ParseAll(line, out var malformed).ShouldBeEmpty();
        malformed.ShouldBe([line]);
    }
}
