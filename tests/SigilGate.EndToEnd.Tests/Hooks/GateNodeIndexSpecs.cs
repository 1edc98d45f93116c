namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// pre-receive keeps an index of the nodes in the bare repository to judge a push by what it
/// changes (an accepted push's index waits beside it until a push on top of that commit takes it
/// up). Missing, left behind by a branch moved without the hooks, or corrupt, it never lets a
/// duplicate address through; a push that git does not land never replaces the tip's.
/// </summary>
public class GateNodeIndexSpecs : HookedRepository
{
    private const string IndexFile = "sigil-node-index";
    private const string Duplicate = "remote: sigil: error: nodes/entry/e-9.yaml:3:10: address 10.0.0.1:443 is also used by nodes/entry/e-1.yaml";

    private string IndexPath => Path.Combine(Bare.Path, IndexFile);

    private string ProposalPath(string commit) => Path.Combine(Bare.Path, $"{IndexFile}-{commit}");

    // The kept index and the proposed ones.
    private string[] IndexFiles() => Directory.GetFiles(Bare.Path, IndexFile + "*").Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).ToArray();

    [SetUp]
    public async Task PushTheBaseAndOneChange()
    {
        await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"));
        await Clone.PushAcceptedAsync("add e-3");
    }

    private async Task<string[]> PushDuplicateAsync()
    {
        Clone.Write("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-2", "10.0.0.1:443"));
        await Clone.CommitAllAsync("e-9 takes e-1's address");
        var push = await Clone.PushAsync("alice");
        push.ExitCode.ShouldNotBe(0, push.ToString());
        return ErrorLines(push);
    }

    [Test]
    public async Task An_accepted_push_leaves_an_index_of_its_commit_that_the_next_push_takes_up()
    {
        var tip = await Bare.TipAsync();

        var lines = await File.ReadAllLinesAsync(ProposalPath(tip!));

        lines[1].ShouldBe($"commit {tip}");
        lines.ShouldContain("nodes/entry/e-3.yaml\t=10.0.0.3:443\t=core-1");
        await PushDuplicateAsync();
        (await File.ReadAllLinesAsync(IndexPath)).ShouldBe(lines);
        File.Exists(ProposalPath(tip!)).ShouldBeFalse();
    }

    [Test]
    public async Task An_accepted_push_that_git_does_not_land_leaves_the_index_of_the_tip()
    {
        var tip = await Bare.TipAsync();
        // pre-receive accepts; the update hook then refuses the ref, as git does when another push moved it first.
        var update = Path.Combine(Bare.HooksDirectory, "update");
        await File.WriteAllTextAsync(update, "#!/bin/sh\necho 'the branch moved' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(update, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Clone.Write("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-1", "10.0.0.4:443"));
        var lost = await Clone.CommitAllAsync("add e-4");

        var push = await Clone.PushAsync("alice");

        push.ExitCode.ShouldNotBe(0, push.ToString());
        (await Bare.TipAsync()).ShouldBe(tip);
        (await File.ReadAllLinesAsync(IndexPath))[1].ShouldBe($"commit {tip}");
        File.Delete(update);
        (await PushDuplicateAsync()).ShouldBe([Duplicate]);
        (await File.ReadAllLinesAsync(IndexPath))[1].ShouldBe($"commit {tip}");
        File.Exists(ProposalPath(lost)).ShouldBeTrue("a proposal is removed only once it is older than any push on its way");
    }

    [Test]
    public async Task A_push_that_changes_no_node_file_keeps_a_few_lines_naming_the_index_kept_not_the_whole_index()
    {
        await PushDuplicateAsync();
        var kept = await File.ReadAllTextAsync(IndexPath);
        await Clone.GitAsync("reset", "--quiet", "--hard", "HEAD~1");
        Clone.Write("README.md", "a network\n");
        await Clone.PushAcceptedAsync("a readme");
        var tip = await Bare.TipAsync();

        var alias = await File.ReadAllTextAsync(ProposalPath(tip!));

        alias.ShouldStartWith("sigil node index alias 1\n");
        alias.Length.ShouldBeLessThan(400);
        (await File.ReadAllTextAsync(IndexPath)).ShouldBe(kept);
        (await PushDuplicateAsync()).ShouldBe([Duplicate]);
        (await File.ReadAllTextAsync(IndexPath)).ShouldBe(kept, "the alias described the tip: nothing was made again");
    }

    [TestCase("main")]
    [TestCase("alias")]
    public async Task A_duplicate_address_is_rejected_when_an_alias_names_an_index_that_is_not_the_one_kept(string damaged)
    {
        await PushDuplicateAsync();
        await Clone.GitAsync("reset", "--quiet", "--hard", "HEAD~1");
        Clone.Write("README.md", "a network\n");
        await Clone.PushAcceptedAsync("a readme");
        var alias = ProposalPath((await Bare.TipAsync())!);
        File.ReadAllText(alias).ShouldStartWith("sigil node index alias 1\n");
        if (damaged == "main") await File.WriteAllTextAsync(IndexPath, (await File.ReadAllTextAsync(IndexPath)).Replace("=10.0.0.1:443", "=10.9.9.9:443", StringComparison.Ordinal));
        else await File.WriteAllTextAsync(alias, (await File.ReadAllTextAsync(alias)).Replace("origin ", "origin 0", StringComparison.Ordinal));

        (await PushDuplicateAsync()).ShouldBe([Duplicate]);
    }

    [Test]
    public async Task A_duplicate_address_is_rejected_with_the_index_missing()
    {
        foreach (var file in IndexFiles()) File.Delete(file);

        (await PushDuplicateAsync()).ShouldBe([Duplicate]);
    }

    [Test]
    public async Task A_duplicate_address_is_rejected_when_the_branch_moved_past_the_index_without_the_hooks()
    {
        // A node added on a side branch (not validated) that main is then moved to by git update-ref.
        Clone.Write("nodes/entry/e-5.yaml", Network.Entry("e-5", "core-1", "10.0.0.5:443"));
        var side = await Clone.CommitAllAsync("add e-5 behind the gate's back");
        (await Clone.PushAsync("alice", "HEAD:refs/heads/side")).ExitCode.ShouldBe(0);
        (await Bare.GitAsync("update-ref", "refs/heads/main", side)).ExitCode.ShouldBe(0);
        (await File.ReadAllLinesAsync(IndexPath))[1].ShouldNotBe($"commit {side}");
        Clone.Write("nodes/entry/e-6.yaml", Network.Entry("e-6", "core-2", "10.0.0.5:443"));
        await Clone.CommitAllAsync("e-6 takes e-5's address");

        var push = await Clone.PushAsync("alice");

        ErrorLines(push).ShouldBe(["remote: sigil: error: nodes/entry/e-6.yaml:3:10: address 10.0.0.5:443 is also used by nodes/entry/e-5.yaml"], push.ToString());
        (await File.ReadAllLinesAsync(IndexPath))[1].ShouldBe($"commit {side}");
    }

    public static IEnumerable<TestCaseData> Corruptions()
    {
        yield return new TestCaseData((Func<string, string>)(_ => "not an index\n")).SetName("A duplicate address is rejected with the index replaced by garbage");
        yield return new TestCaseData((Func<string, string>)(text => text[..(text.Length / 2)])).SetName("A duplicate address is rejected with the index cut in half");
        yield return new TestCaseData((Func<string, string>)(text => text.Replace("=10.0.0.1:443", "=10.9.9.9:443", StringComparison.Ordinal)))
            .SetName("A duplicate address is rejected with the index edited so that its checksum no longer holds");
    }

    // The nodes' lines in no particular order; the checksum line differs with their order.
    private static string[] Lines(string text) => text.Split('\n').Where(line => line.Contains('\t', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    [TestCaseSource(nameof(Corruptions))]
    public async Task A_duplicate_address_is_rejected_with_the_index_corrupt(Func<string, string> corrupt)
    {
        var text = await File.ReadAllTextAsync(ProposalPath((await Bare.TipAsync())!));
        text.ShouldContain("nodes/entry/e-1.yaml\t=10.0.0.1:443\t=core-1");
        foreach (var file in IndexFiles()) await File.WriteAllTextAsync(file, corrupt(await File.ReadAllTextAsync(file)));

        (await PushDuplicateAsync()).ShouldBe([Duplicate]);
        Lines(await File.ReadAllTextAsync(IndexPath)).ShouldBe(Lines(text));
    }
}
