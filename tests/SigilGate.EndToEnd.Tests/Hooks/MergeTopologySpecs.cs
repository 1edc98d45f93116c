namespace SigilGate.EndToEnd.Tests.Hooks;

/// <summary>
/// The identity's rights hold whatever the shape of the pushed history: merges with old commits of
/// the branch (either way round, octopus), commits on old commits, a commit that is already on
/// another branch. Shapes are generated from seeds; each seed is one push into its own repository.
/// </summary>
public class MergeTopologySpecs : HookedRepository
{
    private const string CoreDenial = "remote: sigil: error: nodes/entry/e-1.yaml: identity core-1 may only change state/core-1/";

    // T0: the base network (root). T1: alice (an operator) moves e-1 to another address.
    private string _t0 = "", _t1 = "";

    // S0 and S1: core-1's own change of its state record, made on T0 and on T1 (not pushed).
    private string _s0 = "", _s1 = "";

    [SetUp]
    public async Task PushTwoCommitsAndPrepareCoreWork()
    {
        _t0 = await PushBaseNetworkAsync();
        Clone.Write("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.101:443"));
        _t1 = await Clone.CommitAllAsync("alice moves e-1");
        (await Clone.PushAsync("alice")).ExitCode.ShouldBe(0);

        _s1 = await StateChangeOnAsync(_t1, "down");
        _s0 = await StateChangeOnAsync(_t0, "degraded");
        (await Clone.GitAsync("checkout", "--quiet", _t1)).ExitCode.ShouldBe(0);
    }

    private async Task<string> StateChangeOnAsync(string parent, string status)
    {
        (await Clone.GitAsync("checkout", "--quiet", parent)).ExitCode.ShouldBe(0);
        Clone.Write("state/core-1/entries/e-1.yaml", Network.State(status));
        return await Clone.CommitAllAsync("core-1 state " + status);
    }

    private async Task<string> CommitTreeAsync(string treeOf, params string[] parents)
    {
        var arguments = new List<string> { "commit-tree", treeOf + "^{tree}", "-m", "crafted" };
        foreach (var parent in parents) arguments.AddRange(["-p", parent]);
        var result = await Clone.GitAsync([.. arguments]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.StandardOutput.Trim();
    }

    private async Task ShouldBeRejectedAsync(string commit, string identity = "core-1", string denial = CoreDenial)
    {
        var push = await Clone.PushAsync(identity, "--force", commit + ":refs/heads/main");

        push.ExitCode.ShouldNotBe(0, push.ToString());
        ErrorLines(push).ShouldContain(denial, push.ToString());
        (await Bare.TipAsync()).ShouldBe(_t1);
    }

    [Test]
    public async Task A_merge_that_takes_an_old_commits_tree_is_checked_like_the_same_change_pushed_directly()
    {
        await ShouldBeRejectedAsync(await CommitTreeAsync(_t0, _t1, _t0));
    }

    [Test]
    public async Task The_same_merge_with_its_parents_the_other_way_round_is_rejected()
    {
        await ShouldBeRejectedAsync(await CommitTreeAsync(_t0, _t0, _t1));
    }

    [Test]
    public async Task An_octopus_merge_bringing_back_an_old_version_is_rejected()
    {
        await ShouldBeRejectedAsync(await CommitTreeAsync(_s0, _t1, _s0, _t0));
    }

    [Test]
    public async Task A_change_undone_later_in_the_same_push_is_still_a_change_the_push_makes()
    {
        var reverting = await CommitTreeAsync(_t0, _t1, _t0);
        var restoring = await CommitTreeAsync(_t1, reverting, _t1);

        await ShouldBeRejectedAsync(restoring);
    }

    [Test]
    public async Task A_merge_already_on_another_branch_is_checked_when_it_comes_to_the_protected_one()
    {
        var merge = await CommitTreeAsync(_t0, _t1, _t0);
        var side = await Clone.PushAsync("core-1", merge + ":refs/heads/side");
        side.ExitCode.ShouldBe(0, side.ToString());

        await ShouldBeRejectedAsync(merge);
    }

    [Test]
    public async Task A_demoted_root_cannot_make_itself_root_again_by_merging_an_old_policy()
    {
        // T2: root demotes bob; bob then merges the commit where he was a root.
        Clone.Write("sigil.yaml", "roots: [root, bob]\noperators: [alice]\n");
        var promoted = await Clone.CommitAllAsync("bob is a root");
        (await Clone.PushAsync("root")).ExitCode.ShouldBe(0);
        Clone.Write("sigil.yaml", "roots: [root]\noperators: [alice, bob]\n");
        var demoted = await Clone.CommitAllAsync("bob is an operator");
        (await Clone.PushAsync("root")).ExitCode.ShouldBe(0);
        _t1 = demoted;

        await ShouldBeRejectedAsync(await CommitTreeAsync(promoted, demoted, promoted), "bob",
            "remote: sigil: error: sigil.yaml: identity bob may not change sigil.yaml: only roots may");
    }

    [Test]
    public async Task A_core_node_merging_the_branch_into_its_own_work_is_accepted()
    {
        // git pull without --rebase: the node's own commit is the first parent, the branch the second.
        var merge = await CommitTreeAsync(_s1, _s0, _t1);

        var push = await Clone.PushAsync("core-1", merge + ":refs/heads/main");

        push.ExitCode.ShouldBe(0, push.ToString());
        (await Bare.TipAsync()).ShouldBe(merge);
    }

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(1, 8).Select(seed => new TestCaseData(seed).SetName($"Generated merge shape {seed}: a history whose result holds an old version is rejected, one that keeps the branch's is accepted"));

    /// <summary>
    /// A random history of one to three crafted commits over T0, T1, S0 and S1, parents in random
    /// order. The last commit has T1 among its ancestors (so the push is not a force push). Its
    /// tree is either the branch's (T1's or S1's: accepted when every crafted commit's first
    /// parent already has the branch's version) or an old one (T0's or S0's: always rejected).
    /// </summary>
    [TestCaseSource(nameof(Seeds))]
    public async Task Generated_merge_shapes_hold_the_policy(int seed)
    {
        var random = new Random(seed);
        var reverting = seed % 2 == 1;
        var current = Pick(random, [_t1, _s1]);
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var others = new[] { _t0, _s0, _t1, _s1 }.Where(p => p != current).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            var last = i == count - 1;
            var tree = last && reverting ? Pick(random, [_t0, _s0]) : Pick(random, [_t1, _s1]);
            var parents = new[] { current }.Concat(others).ToList();

            // A reverting commit may put its parents in any order; otherwise the branch's version stays first.
            if (last && reverting) parents = parents.OrderBy(_ => random.Next()).ToList();
            current = await CommitTreeAsync(tree, [.. parents]);
        }

        var push = await Clone.PushAsync("core-1", current + ":refs/heads/main");

        if (reverting)
        {
            push.ExitCode.ShouldNotBe(0, push.ToString());
            ErrorLines(push).ShouldContain(CoreDenial, push.ToString());
            (await Bare.TipAsync()).ShouldBe(_t1);
        }
        else
        {
            push.ExitCode.ShouldBe(0, push.ToString());
            (await Bare.TipAsync()).ShouldBe(current);
        }
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
