namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>
/// The contract for refs other than the protected branch: accepted, not validated, not applied.
/// Broken content pushed there lands on that ref only; the branch and etcd do not move.
/// </summary>
public class OtherRefSpecs : SharedHookedRepository
{
    private const string Bomb = "id: e-3\ncore: core-1\naddress: 10.0.0.3:70000\na: &a [x]\nb: [*a, *a]\n";

    [Test]
    public async Task A_branch_of_broken_records_is_accepted_and_not_applied()
    {
        using var clone = await BrokenCommitAsync();

        var push = await clone.PushAsync("alice", "HEAD:refs/heads/broken-work");

        await ShouldLandOnlyOnAsync(push, clone, "refs/heads/broken-work");
    }

    [Test]
    public async Task A_branch_named_main_in_another_case_is_not_the_protected_branch()
    {
        using var clone = await BrokenCommitAsync();

        var push = await clone.PushAsync("alice", "HEAD:refs/heads/Main");

        await ShouldLandOnlyOnAsync(push, clone, "refs/heads/Main");
    }

    [Test]
    public async Task A_tag_on_a_broken_commit_is_accepted_and_not_applied()
    {
        using var clone = await BrokenCommitAsync();
        (await clone.GitAsync("tag", "broken-tag")).ExitCode.ShouldBe(0);

        var push = await clone.PushAsync("alice", "refs/tags/broken-tag");

        await ShouldLandOnlyOnAsync(push, clone, "refs/tags/broken-tag");
    }

    [Test]
    public async Task An_annotated_tag_of_a_blob_is_accepted_and_not_applied()
    {
        using var clone = await Clone.OfAsync(Bare);
        var blob = (await clone.GitAsync("rev-parse", "HEAD:nodes/entry/e-1.yaml")).StandardOutput.Trim();
        (await clone.GitAsync("tag", "-a", "-m", "a tag of a file", "blob-tag", blob)).ExitCode.ShouldBe(0);

        var push = await clone.PushAsync("alice", "refs/tags/blob-tag");

        push.ExitCode.ShouldBe(0, push.ToString());
        (await Bare.GitAsync("cat-file", "-t", "refs/tags/blob-tag^{}")).StandardOutput.Trim().ShouldBe("blob");
        SigilMessages(push).ShouldBeEmpty(push.ToString());
        await ShouldBeUnchangedAsync(push.ToString());
    }

    [Test]
    public async Task Force_pushing_and_deleting_another_branch_are_accepted()
    {
        using var clone = await BrokenCommitAsync();
        (await clone.PushAsync("alice", "HEAD:refs/heads/scratch")).ExitCode.ShouldBe(0);
        (await clone.GitAsync("commit", "--quiet", "--amend", "-m", "rewritten")).ExitCode.ShouldBe(0);

        var force = await clone.PushAsync("alice", "--force", "HEAD:refs/heads/scratch");
        await ShouldLandOnlyOnAsync(force, clone, "refs/heads/scratch");
        var delete = await clone.PushAsync("alice", ":refs/heads/scratch");

        delete.ExitCode.ShouldBe(0, delete.ToString());
        (await Bare.GitAsync("rev-parse", "--verify", "--quiet", "refs/heads/scratch")).ExitCode.ShouldNotBe(0);
        await ShouldBeUnchangedAsync(delete.ToString());
    }

    private async Task<Clone> BrokenCommitAsync()
    {
        var clone = await Clone.OfAsync(Bare);
        clone.Write("nodes/entry/e-3.yaml", Bomb);
        await clone.CommitAllAsync("broken records");
        return clone;
    }

    private async Task ShouldLandOnlyOnAsync(ProcessResult push, Clone clone, string refName)
    {
        push.ExitCode.ShouldBe(0, push.ToString());
        SigilMessages(push).ShouldBeEmpty(push.ToString());
        var pushed = (await clone.GitAsync("rev-parse", "HEAD")).StandardOutput.Trim();
        (await Bare.GitAsync("rev-parse", refName + "^{commit}")).StandardOutput.Trim().ShouldBe(pushed);
        await ShouldBeUnchangedAsync(push.ToString());
    }
}
