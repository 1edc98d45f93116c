using System.Text.Json;
using SigilGate.EndToEnd.Tests.Hooks;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary><c>sigil explain</c>: per path, the decision pre-receive makes for an identity, and the rule of sigil.yaml that made it.</summary>
public class ExplainSpecs : HookedRepository
{
    // Block lists, one identity a line, so that each rule has its own line: alice is on line 6.
    private const string Policy = """
        # who may change what
        roots:
          - root
        operators:
          - bob
          - alice
        """;

    private Task<ProcessResult> ExplainAsync(string identity, params string[] arguments) =>
        Bare.SigilAsync(["explain", "--repo", Bare.Path, "--identity", identity, .. arguments]);

    private async Task PushNetworkAsync()
    {
        Network.WriteBase(Clone);
        Clone.Write("sigil.yaml", Policy);
        await Clone.PushAcceptedAsync("base network");
    }

    private static string[] Lines(ProcessResult result) => result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task An_operator_may_change_a_node_and_the_line_of_sigil_yaml_that_lists_it_is_named()
    {
        await PushNetworkAsync();

        var explain = await ExplainAsync("alice", "nodes/entry/e-7.yaml", "state/core-2/entries/e-9.yaml");

        explain.ExitCode.ShouldBe(0, explain.ToString());
        Lines(explain).ShouldBe(
        [
            "nodes/entry/e-7.yaml: allowed: alice is an operator (sigil.yaml: operators, line 6)",
            "state/core-2/entries/e-9.yaml: allowed: alice is an operator (sigil.yaml: operators, line 6)",
        ]);
    }

    [Test]
    public async Task Only_roots_may_change_sigil_yaml()
    {
        await PushNetworkAsync();

        var alice = await ExplainAsync("alice", "sigil.yaml");
        var root = await ExplainAsync("root", "sigil.yaml");

        alice.ExitCode.ShouldBe(1, alice.ToString());
        Lines(alice).ShouldBe(["sigil.yaml: denied: only roots may change sigil.yaml (alice is an operator, sigil.yaml: operators, line 6)"]);
        root.ExitCode.ShouldBe(0, root.ToString());
        Lines(root).ShouldBe(["sigil.yaml: allowed: root is a root (sigil.yaml: roots, line 3)"]);
    }

    [Test]
    public async Task A_core_node_may_change_its_own_area_only_and_a_push_outside_it_is_rejected_alike()
    {
        await PushNetworkAsync();

        var explain = await ExplainAsync("core-1", "state/core-1/entries/e-1.yaml", "state/core-2/entries/e-9.yaml");
        Clone.Write("state/core-2/entries/e-2.yaml", Network.State("down"));
        var (_, push) = await Clone.CommitAndPushAsync("core-1 writes core-2's area", "core-1");

        explain.ExitCode.ShouldBe(1, explain.ToString());
        Lines(explain).ShouldBe(
        [
            "state/core-1/entries/e-1.yaml: allowed: core-1 is a Core node (nodes/core/core-1.yaml exists) and may change state/core-1/",
            "state/core-2/entries/e-9.yaml: denied: core-1 is a Core node (nodes/core/core-1.yaml exists) and may only change state/core-1/",
        ]);
        push.ExitCode.ShouldNotBe(0, push.ToString());
        ErrorLines(push).ShouldBe(["remote: sigil: error: state/core-2/entries/e-2.yaml: identity core-1 may only change state/core-1/"], push.ToString());
    }

    [Test]
    public async Task An_unknown_identity_is_denied_and_named()
    {
        await PushNetworkAsync();

        var explain = await ExplainAsync("mallory", "README.md");

        explain.ExitCode.ShouldBe(1, explain.ToString());
        Lines(explain).ShouldBe(["README.md: denied: mallory is not a root or operator in sigil.yaml, and not a Core node (no nodes/core/mallory.yaml)"]);
    }

    [Test]
    public async Task The_json_document_starts_with_its_schema()
    {
        var tip = await PushBaseNetworkAsync();

        var explain = await ExplainAsync("core-1", "--json", "state/core-2/entries/e-9.yaml");

        explain.ExitCode.ShouldBe(1, explain.ToString());
        explain.StandardOutput.ShouldStartWith("{\"schema\":1,");
        using var document = JsonDocument.Parse(explain.StandardOutput);
        var root = document.RootElement;
        root.GetProperty("tip").GetString().ShouldBe(tip);
        root.GetProperty("role").GetString().ShouldBe("core-node");
        var path = root.GetProperty("paths").EnumerateArray().Single();
        path.GetProperty("path").GetString().ShouldBe("state/core-2/entries/e-9.yaml");
        path.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        path.GetProperty("rule").GetString().ShouldBe("core-node-outside-area");
    }

    [Test]
    public async Task A_path_no_push_can_carry_is_an_error_naming_it_and_nothing_is_explained()
    {
        await PushNetworkAsync();

        var escape = await ExplainAsync("core-1", "state/core-1/../core-2/entries/e-4.yaml");
        var others = await ExplainAsync("root", "../x", "/abs", "nodes//entry/e-1.yaml", "nodes/entry/e-1.yaml");

        escape.ExitCode.ShouldBe(2, escape.ToString());
        escape.StandardOutput.ShouldBeEmpty();
        escape.StandardError.Trim().ShouldBe("sigil: error: state/core-1/../core-2/entries/e-4.yaml: path component '..' is not allowed (git refuses to check it out)");
        others.ExitCode.ShouldBe(2, others.ToString());
        others.StandardOutput.ShouldBeEmpty();
        others.StandardError.Trim().Split('\n').ShouldBe(
        [
            "sigil: error: ../x: path component '..' is not allowed (git refuses to check it out)",
            "sigil: error: /abs: an absolute path: name the file relative to the repository's top, such as nodes/entry/e-1.yaml",
            "sigil: error: nodes//entry/e-1.yaml: has an empty path component ('//'): git names no file so",
        ]);
    }

    [Test]
    public async Task An_empty_repository_has_no_policy_to_explain()
    {
        var explain = await ExplainAsync("alice", "nodes/entry/e-1.yaml");

        explain.ExitCode.ShouldBe(2, explain.ToString());
        explain.StandardOutput.ShouldBeEmpty();
        explain.StandardError.ShouldContain("branch main does not exist in the repository");
    }

    [Test]
    public async Task A_tip_without_sigil_yaml_is_an_error()
    {
        // Written past the hooks, as a repair or an import would: a tip whose tree is empty.
        const string emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
        var commit = (await Bare.GitAsync("commit-tree", emptyTree, "-m", "empty")).StandardOutput.Trim();
        (await Bare.GitAsync("update-ref", "refs/heads/main", commit)).ExitCode.ShouldBe(0);

        var explain = await ExplainAsync("alice", "nodes/entry/e-1.yaml");

        explain.ExitCode.ShouldBe(2, explain.ToString());
        explain.StandardError.ShouldContain($"no sigil.yaml at the tip of main ({commit[..7]})");
    }

    [Test]
    public async Task A_missing_repository_is_an_error()
    {
        var missing = Path.Combine(Bare.Path, "no-such-repository");

        var explain = await Bare.SigilAsync("explain", "--repo", missing, "--identity", "alice", "sigil.yaml");

        explain.ExitCode.ShouldBe(2, explain.ToString());
        explain.StandardOutput.ShouldBeEmpty();
        explain.StandardError.ShouldContain("error: ");
    }
}
