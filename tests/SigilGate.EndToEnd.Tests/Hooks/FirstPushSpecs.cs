namespace SigilGate.EndToEnd.Tests.Hooks;

public class FirstPushSpecs : HookedRepository
{
    [Test]
    public async Task A_root_first_push_is_accepted_and_every_record_lands_in_etcd()
    {
        var sha = await PushBaseNetworkAsync();

        (await Bare.TipAsync()).ShouldBe(sha);
        var data = await DataKeysAsync();
        data.Keys.Order(StringComparer.Ordinal).ShouldBe([
            "/sigil/network",
            "/sigil/nodes/core/core-1",
            "/sigil/nodes/core/core-2",
            "/sigil/nodes/entry/e-1",
            "/sigil/nodes/entry/e-10",
            "/sigil/nodes/entry/e-2",
            "/sigil/state/core-1/entries/e-1",
        ]);
        data["/sigil/nodes/entry/e-1"].ShouldBe("{\"address\":\"10.0.0.1:443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}");
        (await EtcdKeysAsync())["/sigil/.sigil/applied"].ShouldContain(sha);
    }

    [Test]
    public async Task Each_record_gets_a_version_written_with_its_data()
    {
        await PushBaseNetworkAsync();

        var keys = await EtcdKeysAsync();
        keys["/sigil/.sigil/versions/nodes/entry/e-1"].ShouldContain("\"writer\":\"git\"");
        keys.Keys.ShouldNotContain("/sigil/.sigil/versions/sigil");
        keys.Keys.ShouldNotContain("/sigil/sigil");
    }

    [Test]
    public async Task The_first_push_must_come_from_root()
    {
        Network.WriteBase(Clone);
        await Clone.CommitAllAsync("base network");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldBe(["remote: sigil: error: identity alice may not make the first push: the first push must come from identity root"]);
        push.StandardError.ShouldContain("remote: sigil: push rejected: 1 error");
        (await Bare.TipAsync()).ShouldBeNull();
        (await EtcdKeysAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task The_first_push_must_contain_the_policy()
    {
        Network.WriteBase(Clone);
        Clone.Delete("sigil.yaml");
        await Clone.CommitAllAsync("no policy");

        var push = await Clone.PushAsync("root");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldContain("remote: sigil: error: sigil.yaml: the first push must contain sigil.yaml (roots and operators)");
        (await Bare.TipAsync()).ShouldBeNull();
    }

    [Test]
    public async Task A_push_without_any_identity_is_rejected()
    {
        Network.WriteBase(Clone);
        await Clone.CommitAllAsync("base network");

        var push = await Clone.PushAsync(identity: null);

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldBe(["remote: sigil: error: no identity: set SIGIL_IDENTITY (or GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER)"]);
    }

    [Test]
    public async Task The_applied_commit_gets_a_receipt_in_git_notes()
    {
        var sha = await PushBaseNetworkAsync();

        var note = await Bare.GitAsync("notes", "--ref=sigil", "show", sha);
        note.ExitCode.ShouldBe(0, note.ToString());
        note.StandardOutput.ShouldContain("etcd-revision: ");
        note.StandardOutput.ShouldContain("put: 7");
        note.StandardOutput.ShouldContain("put /sigil/nodes/entry/e-1");
    }
}
