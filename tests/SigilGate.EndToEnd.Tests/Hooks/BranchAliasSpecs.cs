namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// A symbolic ref on the server that leads to the protected branch (refs/heads/master left behind
/// by a rename to main) is the protected branch: a push through it is validated, policy-checked,
/// kept from force pushes and deletion, and applied.
/// </summary>
public class BranchAliasSpecs : HookedRepository
{
    private string _base = "";

    [SetUp]
    public async Task PushTheBaseAndAliasIt()
    {
        _base = await PushBaseNetworkAsync();
        (await Bare.GitAsync("symbolic-ref", "refs/heads/master", "refs/heads/main")).ExitCode.ShouldBe(0);

        // Two levels: a name leading to master leads to main.
        (await Bare.GitAsync("symbolic-ref", "refs/heads/production", "refs/heads/master")).ExitCode.ShouldBe(0);
    }

    [TestCase("master")]
    [TestCase("production")]
    public async Task An_invalid_push_through_an_alias_is_rejected(string alias)
    {
        Clone.Write("nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:70000\n");
        await Clone.CommitAllAsync("bad port");

        var push = await Clone.PushAsync("alice", "HEAD:refs/heads/" + alias);

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldBe(["remote: sigil: error: nodes/entry/e-3.yaml:3:10: address port must be 1-65535, got 70000"], push.ToString());
        (await Bare.TipAsync()).ShouldBe(_base);
    }

    [Test]
    public async Task A_push_through_an_alias_is_held_to_the_identitys_rights()
    {
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.101:443"));
        await Clone.CommitAllAsync("core-1 edits an entry");

        var push = await Clone.PushAsync("core-1", "HEAD:refs/heads/master");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldBe(["remote: sigil: error: nodes/entry/e-1.yaml: identity core-1 may only change state/core-1/"], push.ToString());
        (await Bare.TipAsync()).ShouldBe(_base);
    }

    [Test]
    public async Task A_force_push_through_an_alias_is_rejected()
    {
        (await Clone.GitAsync("commit", "--quiet", "--amend", "-m", "rewritten")).ExitCode.ShouldBe(0);

        var push = await Clone.PushAsync("root", "--force", "HEAD:refs/heads/master");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldContain(l => l.StartsWith("remote: sigil: error: refs/heads/master: force push rejected:", StringComparison.Ordinal), push.ToString());
        (await Bare.TipAsync()).ShouldBe(_base);
    }

    [Test]
    public async Task A_valid_push_through_an_alias_is_applied_to_etcd()
    {
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        var sha = await Clone.CommitAllAsync("new entry");

        var push = await Clone.PushAsync("alice", "HEAD:refs/heads/master");

        push.ExitCode.ShouldBe(0, push.ToString());
        (await Bare.TipAsync()).ShouldBe(sha);
        (await Etcd.EtcdctlAsync("get", Prefix + "/nodes/entry/e-3", "--print-value-only")).ShouldContain("10.0.0.3:443");
    }

    [TestCase("sigil.bogus")]
    [TestCase("sigil.dryrun")]
    [TestCase("Sigil.Dry-Run")]
    public async Task An_unknown_sigil_push_option_rejects_the_push_and_names_the_known_ones(string option)
    {
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        await Clone.CommitAllAsync("new entry");

        var push = await Clone.PushAsync("alice", "-o", option, "HEAD:refs/heads/main");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldBe([$"remote: sigil: error: unknown push option '{option}' (known: sigil.dry-run)"], push.ToString());
        push.StandardError.ShouldContain("remote: sigil: push rejected: 1 error");
        (await Bare.TipAsync()).ShouldBe(_base);
    }
}
