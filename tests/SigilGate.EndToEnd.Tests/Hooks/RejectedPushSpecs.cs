namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>Every class of bad push is rejected with its message, leaving the branch and etcd unchanged.</summary>
public class RejectedPushSpecs : HookedRepository
{
    private string _base = "";
    private Dictionary<string, string> _etcdBefore = [];

    [SetUp]
    public async Task PushTheBase()
    {
        _base = await PushBaseNetworkAsync();
        _etcdBefore = await EtcdKeysAsync();
    }

    public static IEnumerable<TestCaseData> BadChanges()
    {
        yield return Case("YAML syntax", "nodes/entry/e-3.yaml", "id: e-3\ncore: [core-1\n", "nodes/entry/e-3.yaml:");
        yield return Case("port out of range", "nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:70000\n",
            "nodes/entry/e-3.yaml:3:10: address port must be 1-65535, got 70000");
        yield return Case("unknown field", "nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\nadress: x\n",
            "nodes/entry/e-3.yaml:4:1: unknown field 'adress'");
        yield return Case("duplicate key", "nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\ncore: core-2\n",
            "nodes/entry/e-3.yaml:4:1: duplicate key 'core'");
        yield return Case("wrong type", "nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.3:443\nenabled: yes\n",
            "nodes/entry/e-3.yaml:4:10:");
        yield return Case("id differs from file name", "nodes/entry/e-3.yaml", "id: e-4\ncore: core-1\naddress: 10.0.0.3:443\n",
            "nodes/entry/e-3.yaml:1:5:");
        yield return Case("reference to a missing core", "nodes/entry/e-3.yaml", "id: e-3\ncore: core-9\naddress: 10.0.0.3:443\n",
            "nodes/entry/e-3.yaml:2:7:");
        yield return Case("address used twice", "nodes/entry/e-3.yaml", "id: e-3\ncore: core-1\naddress: 10.0.0.1:443\n",
            "nodes/entry/e-3.yaml:3:10:");
        yield return Case("state of an entry of another core", "state/core-1/entries/e-2.yaml", Network.State("up"),
            "state/core-1/entries/e-2.yaml");
        yield return Case("misplaced record", "nodes/entry/E_3.yaml", "id: E_3\n", "nodes/entry/E_3.yaml");
    }

    private static TestCaseData Case(string name, string path, string content, string expected) =>
        new TestCaseData(path, content, expected).SetName("A push with " + name + " is rejected and changes nothing");

    [TestCaseSource(nameof(BadChanges))]
    public async Task A_bad_push_is_rejected_with_its_location_and_changes_nothing(string path, string content, string expected)
    {
        Clone.Write(path, content);
        await Clone.CommitAllAsync("bad change");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldContain(l => l.StartsWith("remote: sigil: error: " + expected, StringComparison.Ordinal), push.ToString());
        push.StandardError.ShouldContain("remote: sigil: push rejected: ");
        await ShouldBeUnchangedAsync();
    }

    public static IEnumerable<TestCaseData> ChangesThatBreakAnUnchangedFile()
    {
        // pre-receive reads the changed files and what they affect; these prove it reads the latter.
        yield return new TestCaseData("nodes/core/core-2.yaml", null, "nodes/entry/e-2.yaml:2:7: core 'core-2' does not exist (no nodes/core/core-2.yaml)")
            .SetName("Deleting a core that an unchanged entry names is rejected at that entry");
        yield return new TestCaseData("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-2", "10.0.0.1:443"),
            "state/core-1/entries/e-1.yaml: entry 'e-1' belongs to core 'core-2' (nodes/entry/e-1.yaml), not to 'core-1'")
            .SetName("Moving an entry to another core under its unchanged state record is rejected at the state record");
        yield return new TestCaseData("nodes/entry/e-1.yaml", null, "state/core-1/entries/e-1.yaml: entry 'e-1' does not exist (no nodes/entry/e-1.yaml)")
            .SetName("Deleting an entry whose state record stays is rejected at the state record");
        yield return new TestCaseData("nodes/core/core-1.yaml", Network.Core("core-1", "10.0.0.2:443"), "nodes/entry/e-2.yaml:3:10: address 10.0.0.2:443 is also used by nodes/core/core-1.yaml")
            .SetName("Changing a core's address to an unchanged entry's is rejected");
    }

    [TestCaseSource(nameof(ChangesThatBreakAnUnchangedFile))]
    public async Task A_change_that_breaks_an_unchanged_file_is_rejected_naming_that_file(string path, string? content, string expected)
    {
        if (content is null) Clone.Delete(path);
        else Clone.Write(path, content);
        await Clone.CommitAllAsync("breaks another file");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldNotBe(0);
        ErrorLines(push).ShouldBe(["remote: sigil: error: " + expected], push.ToString());
        await ShouldBeUnchangedAsync();
    }

    [Test]
    public async Task A_push_with_ten_problems_reports_all_ten()
    {
        for (var i = 3; i < 13; i++) Clone.Write($"nodes/entry/e-{i}.yaml", $"id: e-{i}\ncore: core-1\naddress: 10.0.0.{i}:7000{i}\n");
        await Clone.CommitAllAsync("ten bad ports");

        var push = await Clone.PushAsync("alice");

        ErrorLines(push).Length.ShouldBe(10, push.ToString());
        push.StandardError.ShouldContain("remote: sigil: push rejected: 10 errors");
        await ShouldBeUnchangedAsync();
    }

    [Test]
    public async Task A_core_node_may_not_write_outside_its_area()
    {
        Clone.Write("state/core-2/entries/e-2.yaml", Network.State("down"));
        Clone.Write("state/core-1/entries/e-1.yaml", Network.State("down"));
        await Clone.CommitAllAsync("core-1 writes core-2's state");

        var push = await Clone.PushAsync("core-1");

        ErrorLines(push).ShouldBe(["remote: sigil: error: state/core-2/entries/e-2.yaml: identity core-1 may only change state/core-1/"]);
        push.StandardError.ShouldContain("remote: sigil: push rejected: 1 error");
        await ShouldBeUnchangedAsync();
    }

    [Test]
    public async Task A_change_hidden_in_an_earlier_commit_of_the_push_is_caught()
    {
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.99:443"));
        await Clone.CommitAllAsync("core-1 edits an entry");
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443"));
        Clone.Write("state/core-1/entries/e-1.yaml", Network.State("down"));
        await Clone.CommitAllAsync("and puts it back");

        var push = await Clone.PushAsync("core-1");

        ErrorLines(push).ShouldBe(["remote: sigil: error: nodes/entry/e-1.yaml: identity core-1 may only change state/core-1/"]);
        await ShouldBeUnchangedAsync();
    }

    [Test]
    public async Task A_push_cannot_grant_itself_rights_by_editing_the_policy()
    {
        Clone.Write("sigil.yaml", "roots: [root, mallory]\noperators: [alice]\n");
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.99:443"));
        await Clone.CommitAllAsync("mallory makes herself root");

        var push = await Clone.PushAsync("mallory");

        ErrorLines(push).ShouldBe(["remote: sigil: error: identity mallory may not push to main: not a root or operator in sigil.yaml, and not a Core node"]);
        await ShouldBeUnchangedAsync();
    }

    [Test]
    public async Task An_operator_may_not_change_the_policy()
    {
        Clone.Write("sigil.yaml", "roots: [root, alice]\noperators: [alice]\n");
        await Clone.CommitAllAsync("alice makes herself root");

        var push = await Clone.PushAsync("alice");

        ErrorLines(push).ShouldBe(["remote: sigil: error: sigil.yaml: identity alice may not change sigil.yaml: only roots may"]);
        await ShouldBeUnchangedAsync();
    }

    [Test]
    public async Task A_force_push_of_the_protected_branch_is_rejected()
    {
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        await Clone.GitAsync("add", "-A");
        await Clone.GitAsync("commit", "--amend", "-m", "rewritten history");

        var push = await Clone.PushAsync("root", "--force", "HEAD:refs/heads/main");

        ErrorLines(push).Single().ShouldStartWith("remote: sigil: error: refs/heads/main: force push rejected: ");
        await ShouldBeUnchangedAsync();
    }

    [Test]
    public async Task Deleting_the_protected_branch_is_rejected()
    {
        var push = await Clone.PushAsync("root", ":refs/heads/main");

        ErrorLines(push).ShouldBe(["remote: sigil: error: refs/heads/main: deleting the protected branch is not allowed"]);
        await ShouldBeUnchangedAsync();
    }

    private async Task ShouldBeUnchangedAsync()
    {
        (await Bare.TipAsync()).ShouldBe(_base);
        (await EtcdKeysAsync()).ShouldBe(_etcdBefore);
    }
}
