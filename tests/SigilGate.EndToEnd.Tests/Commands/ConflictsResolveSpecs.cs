using System.Text.Json;
using SigilGate.EndToEnd.Tests.Pusher;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>
/// <c>sigil conflicts resolve</c> over real conflicts: the decision is a commit pushed through the
/// bare repository's own hooks, and the apply writes the record and removes the kept loser.
/// </summary>
public class ConflictsResolveSpecs : ConflictedRepository
{
    private Task<ProcessResult> ResolveAsync(string identity, params string[] arguments) =>
        Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["conflicts", "resolve", "--repo", Bare.Path, .. arguments], Bare.Path, Environment.With(("SIGIL_IDENTITY", identity)));

    private async Task<Dictionary<string, string>> KeptAsync(string record = "") =>
        (await EtcdKeysAsync()).Where(k => k.Key.StartsWith("/sigil/.sigil/conflicts/" + record, StringComparison.Ordinal)).ToDictionary();

    private static string Value(string keptJson) => JsonDocument.Parse(keptJson).RootElement.GetProperty("value").GetString()!;

    private async Task<string> TipMessageAsync() => (await Bare.GitAsync("log", "-1", "--format=%an%n%B", "main")).StandardOutput;

    private async Task<string> TipFileAsync(string path) => (await Bare.GitAsync("show", "main:" + path)).StandardOutput;

    [Test]
    public async Task Taking_the_loser_makes_it_the_record_in_etcd_and_git_and_removes_it()
    {
        await MakeTwoConflictsAsync();
        var (keptKey, kept) = (await KeptAsync("state/")).Single();
        var loser = Value(kept);
        var id = keptKey[(keptKey.LastIndexOf('/') + 1)..];

        var resolve = await ResolveAsync("alice", StatePath, "--take-loser");

        resolve.ExitCode.ShouldBe(0, resolve.ToString());
        resolve.StandardOutput.ShouldContain($"took the kept loser {id} of {StatePath}");
        resolve.StandardOutput.ShouldMatch(@"recorded as commit [0-9a-f]{7} on main by alice");
        (await DataKeysAsync())[StateKey].ShouldBe(loser);
        (await KeptAsync("state/")).ShouldBeEmpty();
        (await KeptAsync("nodes/")).Count.ShouldBe(1, "the other record's loser waits for its own decision");
        var message = await TipMessageAsync();
        message.ShouldStartWith("alice\n");
        message.ShouldContain($"Sigil-Resolve: take-loser {StatePath} {id}");
        message.ShouldContain("Sigil-Decided-By: alice");
        var status = JsonDocument.Parse(loser).RootElement.GetProperty("status").GetString();
        (await TipFileAsync(StatePath)).ShouldContain($"status: {status}");
    }

    [Test]
    public async Task Keeping_the_winner_brings_git_to_etcd_s_value_and_leaves_nothing_to_drift()
    {
        await MakeTwoConflictsAsync();
        var before = await DataKeysAsync();

        var entry = await ResolveAsync("alice", EntryPath, "--keep-winner");
        var state = await ResolveAsync("alice", StatePath, "--keep-winner");

        entry.ExitCode.ShouldBe(0, entry.ToString());
        state.ExitCode.ShouldBe(0, state.ToString());
        (await KeptAsync()).ShouldBeEmpty();
        var after = await DataKeysAsync();
        after[EntryKey].ShouldBe(before[EntryKey]);
        after[StateKey].ShouldBe(before[StateKey]);
        var drift = await SigilAsync("drift");
        drift.ExitCode.ShouldBe(0, drift.ToString());
        var list = await SigilAsync("conflicts", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
    }

    [Test]
    public async Task A_decision_the_policy_does_not_allow_is_refused_and_changes_nothing()
    {
        await MakeTwoConflictsAsync();
        var tip = await Bare.TipAsync();
        var kept = await KeptAsync();

        var resolve = await ResolveAsync("core-2", StatePath, "--keep-winner");

        resolve.ExitCode.ShouldBe(2, resolve.ToString());
        resolve.StandardError.ShouldContain("identity core-2 may only change state/core-2/");
        resolve.StandardError.ShouldContain("the decision was not recorded");
        (await Bare.TipAsync()).ShouldBe(tip);
        (await KeptAsync()).ShouldBe(kept);
    }

    [Test]
    public async Task The_node_that_owns_the_area_may_decide_about_its_own_records()
    {
        await MakeTwoConflictsAsync();

        var resolve = await ResolveAsync("core-1", StatePath, "--keep-winner");

        resolve.ExitCode.ShouldBe(0, resolve.ToString());
        (await KeptAsync("state/")).ShouldBeEmpty();
    }

    [TestCase]
    [TestCase("--keep-winner", "--take-loser")]
    [TestCase("--keep-winner", "--loser", "0123456789abcdef")]
    [TestCase("--take-loser", "--loser", "not-an-id")]
    public async Task A_missing_choice_or_an_unknown_loser_is_an_error_that_changes_nothing(params string[] arguments)
    {
        await MakeTwoConflictsAsync();
        var tip = await Bare.TipAsync();

        var resolve = await ResolveAsync("alice", [StatePath, .. arguments]);

        resolve.ExitCode.ShouldBe(2, resolve.ToString());
        resolve.StandardError.ShouldStartWith("sigil: error: ");
        (await Bare.TipAsync()).ShouldBe(tip);
        (await KeptAsync()).Count.ShouldBe(2);
    }

    [Test]
    public async Task A_record_without_kept_loser_is_an_error()
    {
        await PushBaseNetworkAsync();

        var resolve = await ResolveAsync("alice", "nodes/entry/e-2.yaml", "--keep-winner");

        resolve.ExitCode.ShouldBe(2, resolve.ToString());
        resolve.StandardError.ShouldContain("no kept conflict for nodes/entry/e-2.yaml");
    }

    [Test]
    public async Task An_unreachable_etcd_records_nothing()
    {
        await MakeTwoConflictsAsync();
        var tip = await Bare.TipAsync();
        await Etcd.StopAsync();

        var resolve = await ResolveAsync("alice", StatePath, "--keep-winner");

        resolve.ExitCode.ShouldBe(2, resolve.ToString());
        (await Bare.TipAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_pushed_decision_is_held_to_the_policy_like_a_change_of_its_record()
    {
        await MakeTwoConflictsAsync();
        var (keptKey, _) = (await KeptAsync("state/")).Single();
        var id = keptKey[(keptKey.LastIndexOf('/') + 1)..];
        await Clone.GitAsync("pull", "--quiet", "--rebase", "origin", "main");
        await Clone.GitAsync("commit", "--allow-empty", "-m", $"forget it\n\nSigil-Resolve: keep-winner {StatePath} {id}");

        var byAnotherNode = await Clone.PushAsync("core-2");
        await Clone.GitAsync("commit", "--amend", "--allow-empty", "-m", "forget it\n\nSigil-Resolve: keep-the-winner-please");
        var malformed = await Clone.PushAsync("alice");

        byAnotherNode.ExitCode.ShouldNotBe(0, byAnotherNode.ToString());
        byAnotherNode.StandardError.ShouldContain($"{StatePath}: commit");
        byAnotherNode.StandardError.ShouldContain("resolves a kept conflict of this record: identity core-2 may only change state/core-2/");
        malformed.ExitCode.ShouldNotBe(0, malformed.ToString());
        malformed.StandardError.ShouldContain("'Sigil-Resolve: keep-the-winner-please' is not 'Sigil-Resolve: keep-winner|take-loser <record path> <16 hex digits>'");
        (await KeptAsync()).Count.ShouldBe(2);
    }

    [Test]
    public async Task After_a_taken_loser_the_node_s_pusher_finds_etcd_and_git_agreeing()
    {
        await MakeTwoConflictsAsync();
        using var node = await NodeClone.CreateAsync(Bare, "core-1", Etcd.Endpoint);
        var first = await node.PushAsync();
        first.ExitCode.ShouldBe(0, first.ToString());
        var (keptKey, kept) = (await KeptAsync("state/")).Single();

        var resolve = await ResolveAsync("alice", StatePath, "--take-loser");
        var tip = await Bare.TipAsync();
        var mirror = await node.PushAsync();

        resolve.ExitCode.ShouldBe(0, resolve.ToString());
        mirror.ExitCode.ShouldBe(0, mirror.ToString());
        (await Bare.TipAsync()).ShouldBe(tip, mirror.ToString());
        (await DataKeysAsync())[StateKey].ShouldBe(Value(kept));
        (await KeptAsync("state/")).ShouldBeEmpty();
        (await Bare.GitAsync("cat-file", "-e", $"main:.sigil/conflicts/state/core-1/entries/e-1/{keptKey[(keptKey.LastIndexOf('/') + 1)..]}.json")).ExitCode.ShouldNotBe(0, "the copy in Git goes with the decision");
    }
}
