namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// pre-receive keeps an index of the nodes in the bare repository to judge a push by what it
/// changes. Missing, left behind by a branch moved without the hooks, or corrupt, it never lets a
/// duplicate address through.
/// </summary>
public class GateNodeIndexSpecs : HookedRepository
{
    private const string IndexFile = "sigil-node-index";
    private const string Duplicate = "remote: sigil: error: nodes/entry/e-9.yaml:3:10: address 10.0.0.1:443 is also used by nodes/entry/e-1.yaml";

    private string IndexPath => Path.Combine(Bare.Path, IndexFile);

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
    public async Task An_accepted_push_leaves_an_index_of_its_commit_in_the_bare_repository()
    {
        var tip = await Bare.TipAsync();

        var lines = await File.ReadAllLinesAsync(IndexPath);

        lines[1].ShouldBe($"commit {tip}");
        lines.ShouldContain("nodes/entry/e-3.yaml\t=10.0.0.3:443\t=core-1");
    }

    [Test]
    public async Task A_duplicate_address_is_rejected_with_the_index_missing()
    {
        File.Delete(IndexPath);

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
        var text = await File.ReadAllTextAsync(IndexPath);
        text.ShouldContain("nodes/entry/e-1.yaml\t=10.0.0.1:443\t=core-1");
        await File.WriteAllTextAsync(IndexPath, corrupt(text));

        (await PushDuplicateAsync()).ShouldBe([Duplicate]);
        Lines(await File.ReadAllTextAsync(IndexPath)).ShouldBe(Lines(text));
    }
}
