namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// Sigil:Branch names the only branch that is checked: a name git would not accept as a branch
/// stops every push and command as a bad setting, and a branch the repository lacks is pointed out
/// on every push, since no push is checked while it is missing.
/// </summary>
public class ProtectedBranchSettingSpecs : HookedRepository
{
    private const string BadBranchError = "sigil.json (Sigil:Branch): must be a branch name git accepts, such as main (see 'git check-ref-format'), got 'ma..in'";

    private string _base = "";

    [SetUp]
    public async Task PushTheBase() => _base = await PushBaseNetworkAsync();

    private void SetProtectedBranch(string branch)
    {
        var file = Path.Combine(Bare.Path, "sigil.json");
        var text = File.ReadAllText(file);
        text.ShouldContain("\"Branch\":\"main\"");
        File.WriteAllText(file, text.Replace("\"Branch\":\"main\"", $"\"Branch\":\"{branch}\"", StringComparison.Ordinal));
    }

    private async Task CommitAnInvalidEntryAsync()
    {
        Clone.Write("nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:70000\n");
        await Clone.CommitAllAsync("bad port");
    }

    [Test]
    public async Task A_protected_branch_git_would_not_accept_rejects_every_push_naming_the_setting()
    {
        SetProtectedBranch("ma..in");
        await CommitAnInvalidEntryAsync();

        var push = await Clone.PushAsync("mallory", "HEAD:refs/heads/main");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldHaveSingleItem().ShouldEndWith(BadBranchError, Case.Sensitive, push.ToString());
        SigilLines(push).ShouldContain("remote: sigil: push rejected: the push could not be checked");
        (await Bare.TipAsync()).ShouldBe(_base);
    }

    [TestCase("status")]
    [TestCase("drift")]
    public async Task A_protected_branch_git_would_not_accept_is_a_settings_error_of_the_commands(string verb)
    {
        SetProtectedBranch("ma..in");

        var result = await SigilAsync(verb);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldBe($"sigil: error: {Path.Combine(Bare.Path, "sigil.json")} (Sigil:Branch): must be a branch name git accepts, such as main (see 'git check-ref-format'), got 'ma..in'");
    }

    [Test]
    public async Task A_push_while_the_protected_branch_is_missing_is_accepted_with_a_warning()
    {
        SetProtectedBranch("mian");
        Clone.Write("README.md", "notes\n");
        await Clone.CommitAllAsync("notes");

        var push = await Clone.PushAsync("alice", "HEAD:refs/heads/main");

        push.ExitCode.ShouldBe(0, push.ToString());
        SigilLines(push).ShouldContain("remote: sigil: warning: refs/heads/main is not checked: the protected branch mian (Sigil:Branch) does not exist in this repository; its branches are main; did you mean main?", push.ToString());
    }
}
