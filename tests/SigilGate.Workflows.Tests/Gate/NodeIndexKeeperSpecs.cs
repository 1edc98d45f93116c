using SigilGate.Domain.Configuration;
using SigilGate.Domain.Gate;
using SigilGate.Domain.Git;
using SigilGate.Domain.Validation;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Gate;

namespace SigilGate.Workflows.Tests.Gate;

/// <summary>
/// The gate's index of the nodes between pushes: kept for the commit it describes, brought to the
/// tip from the diff, rebuilt when it cannot be, and never kept for a push that is not accepted.
/// </summary>
public class NodeIndexKeeperSpecs
{
    private const string Duplicate = "nodes/entry/e-9.yaml:3:10: address 10.0.0.1:443 is also used by nodes/entry/e-1.yaml";

    private InMemoryRepository repository = null!;
    private InMemoryNodeIndexStore store = null!;
    private string tip = "";

    [SetUp]
    public void AcceptedBase()
    {
        repository = new InMemoryRepository();
        store = new InMemoryNodeIndexStore();
        tip = repository.Commit("main", "base network", Network.Base);
    }

    private string[] Push(string newSha, params string[] options)
    {
        var verdict = new ReceiveGate(repository, new SigilSettings(), store)
            .Check(new ReceivedPush([new RefUpdate(tip, newSha, "refs/heads/main")], "alice", options));
        return verdict.Errors.Select(e => e.ToString()).ToArray();
    }

    private string Pushed(params TreeChange[] changes) => repository.CommitOn([tip], "change", changes);

    private NodeIndex IndexOf(string sha) => NodeIndex.Read(sha, repository.Snapshot(sha).Files);

    private static Dictionary<string, NodeFacts> Facts(NodeIndex index) => index.Nodes.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);

    [Test]
    public void Without_a_kept_index_the_gate_rebuilds_it_and_keeps_the_accepted_commits()
    {
        var pushed = Pushed(("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        Push(pushed).ShouldBeEmpty();

        store.For(pushed).ShouldNotBeNull().Commit.ShouldBe(pushed);
        Facts(store.For(pushed)!).ShouldBe(Facts(IndexOf(pushed)));
        store.Kept.ShouldNotBeNull().Commit.ShouldBe(tip);
    }

    [Test]
    public void An_accepted_push_that_never_becomes_the_tip_leaves_the_index_of_the_tip()
    {
        store.Kept = IndexOf(tip);
        var lost = Pushed(("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        // Accepted, but git does not move the branch: another push on the same tip moved it first.
        Push(lost).ShouldBeEmpty();

        store.For(tip).ShouldNotBeNull().Commit.ShouldBe(tip);
        store.Load(tip).ShouldNotBeNull().Commit.ShouldBe(tip);
    }

    [Test]
    public void The_next_push_on_top_of_an_accepted_one_starts_from_its_proposed_index()
    {
        store.Kept = IndexOf(tip);
        var first = Pushed(("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        Push(first).ShouldBeEmpty();
        repository.SetBranch("main", first);
        tip = first;
        var saves = store.Saves;
        var second = Pushed(("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-2", "10.0.0.3:443")));

        Push(second).ShouldBe(["nodes/entry/e-9.yaml:3:10: address 10.0.0.3:443 is also used by nodes/entry/e-3.yaml"]);

        store.Kept.ShouldNotBeNull().Commit.ShouldBe(first);
        store.Proposed.ShouldNotContainKey(first);
        store.Saves.ShouldBe(saves, "the proposed index described the tip: nothing was made again");
    }

    [Test]
    public void A_rejected_push_keeps_the_tips_index_not_its_own()
    {
        var pushed = Pushed(("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-1", "10.0.0.1:443")));

        Push(pushed).ShouldBe([Duplicate]);

        store.Kept.ShouldNotBeNull().Commit.ShouldBe(tip);
        Facts(store.Kept).ShouldBe(Facts(IndexOf(tip)));
    }

    [Test]
    public void A_dry_run_keeps_nothing_of_the_push()
    {
        store.Kept = IndexOf(tip);
        var pushed = Pushed(("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        Push(pushed, ReceivedPush.DryRunOption).ShouldBeEmpty();

        store.Saves.ShouldBe(0);
        store.Kept.Commit.ShouldBe(tip);
    }

    [Test]
    public void An_index_of_an_older_commit_is_brought_up_to_date_with_the_branch_moved_behind_the_gates_back()
    {
        store.Kept = IndexOf(tip);
        tip = repository.Commit("main", "bypassing the hooks", ("nodes/entry/e-5.yaml", Network.Entry("e-5", "core-1", "10.0.0.5:443")));
        var pushed = Pushed(("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-2", "10.0.0.5:443")));

        Push(pushed).ShouldBe(["nodes/entry/e-9.yaml:3:10: address 10.0.0.5:443 is also used by nodes/entry/e-5.yaml"]);

        store.Kept.ShouldNotBeNull().Commit.ShouldBe(tip);
        Facts(store.Kept).ShouldBe(Facts(IndexOf(tip)));
    }

    [Test]
    public void An_index_of_a_commit_git_does_not_have_is_rebuilt_from_the_tip()
    {
        store.Kept = NodeIndex.Of(new string('a', 40), []);
        var pushed = Pushed(("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-1", "10.0.0.1:443")));

        Push(pushed).ShouldBe([Duplicate]);

        Facts(store.Kept.ShouldNotBeNull()).ShouldBe(Facts(IndexOf(tip)));
    }

    [Test]
    public void A_node_the_index_names_that_the_pushed_tree_does_not_hold_is_not_judged()
    {
        store.Kept = IndexOf(tip).With(tip, [new("nodes/entry/e-7.yaml", new NodeFacts("10.0.0.9:443", "core-1"))]);
        var pushed = Pushed(("nodes/entry/e-9.yaml", Network.Entry("e-9", "core-1", "10.0.0.9:443")));

        Push(pushed).ShouldBeEmpty();

        store.For(pushed).ShouldNotBeNull().Commit.ShouldBe(pushed);
        store.For(pushed)!.Find("nodes/entry/e-9.yaml").ShouldBe(new NodeFacts("10.0.0.9:443", "core-1"));
    }

    [Test]
    public void Deleting_a_core_is_rejected_at_each_entry_that_names_it()
    {
        store.Kept = IndexOf(tip);
        var pushed = Pushed(("nodes/core/core-2.yaml", null));

        Push(pushed).ShouldBe(["nodes/entry/e-2.yaml:2:7: core 'core-2' does not exist (no nodes/core/core-2.yaml)"]);
    }
}
