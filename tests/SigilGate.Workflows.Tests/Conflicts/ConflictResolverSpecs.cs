using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Conflicts;

namespace SigilGate.Workflows.Tests.Conflicts;

/// <summary>
/// sigil conflicts resolve: a decision becomes a commit offered through the gate and the apply;
/// only an accepted and applied decision removes a kept loser.
/// </summary>
public class ConflictResolverSpecs
{
    private const string EntryPath = "nodes/entry/e-1.yaml";
    private const string HandEdit = "{\"address\":\"10.0.0.1:8443\",\"core\":\"core-1\",\"enabled\":true,\"id\":\"e-1\"}";
    private static readonly KeyLayout Keys = SyncedNetwork.Keys;
    private SyncedNetwork network = null!;
    private InMemoryDecisionCommitter committer = null!;

    /// <summary>e-1 edited by hand in etcd while Git disables it: etcd's edit is later and wins, Git's value is kept.</summary>
    [SetUp]
    public async Task EtcdEditBeatsACommit()
    {
        network = await SyncedNetwork.CreateAsync();
        network.Store.Put(Keys.Data("nodes/entry/e-1"), HandEdit);
        var tip = network.Repository.Commit("main", "disable e-1", (EntryPath, Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false)));
        await new Applier(network.Repository, network.Store, Keys, StoreLimits.Default, network.Clock).ApplyAsync(tip, network.Repository);
        network.Kept().ShouldHaveSingleItem();
        network.Data()["/sigil/nodes/entry/e-1"].ShouldBe(HandEdit);
        committer = new InMemoryDecisionCommitter(network.Repository, network.Store, Keys, network.Clock);
    }

    private ConflictResolver Resolver => new(network.Repository, committer, network.Store, Keys, "main", network.Clock);

    private string TipText(string path) => network.Repository.TextsAt(network.Repository.BranchTip("main")!)[path];

    [Test]
    public async Task Taking_the_loser_writes_it_to_git_and_etcd_and_removes_it()
    {
        var result = await Resolver.ResolveAsync(EntryPath, ResolutionChoice.TakeLoser, null, "alice");

        result.Applied.ShouldBeTrue(result.Outcome.Messages);
        network.Kept().ShouldBeEmpty();
        network.Data()["/sigil/nodes/entry/e-1"].ShouldBe(Network.EntryJson("e-1", "core-1", "10.0.0.1:443", enabled: false));
        TipText(EntryPath).ShouldContain("enabled: false");
        network.Repository.FindCommit(result.CommitSha)!.Message.ShouldContain($"Sigil-Resolve: take-loser {EntryPath} ");
    }

    [Test]
    public async Task Keeping_the_winner_brings_git_to_etcd_s_value_and_removes_the_loser()
    {
        var before = network.Store.Revision;

        var result = await Resolver.ResolveAsync(EntryPath, ResolutionChoice.KeepWinner, null, "alice");

        result.Applied.ShouldBeTrue(result.Outcome.Messages);
        network.Kept().ShouldBeEmpty();
        network.Data()["/sigil/nodes/entry/e-1"].ShouldBe(HandEdit);
        TipText(EntryPath).ShouldContain("address: 10.0.0.1:8443");
        network.Store.Revision.ShouldBeGreaterThan(before);
    }

    [Test]
    public async Task A_decision_the_gate_refuses_removes_nothing_and_moves_no_branch()
    {
        var tip = network.Repository.BranchTip("main");

        var result = await Resolver.ResolveAsync(EntryPath, ResolutionChoice.KeepWinner, null, "core-1");

        result.Recorded.ShouldBeFalse();
        result.Outcome.Status.ShouldBe(PushStatus.Refused);
        result.Outcome.Messages.ShouldContain("identity core-1 may only change state/core-1/");
        network.Repository.BranchTip("main").ShouldBe(tip);
        network.Kept().ShouldHaveSingleItem();
    }

    [Test]
    public async Task A_push_that_lands_first_is_built_upon_not_overwritten()
    {
        committer.BeforeNextOffer(repository => repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443"))));

        var result = await Resolver.ResolveAsync(EntryPath, ResolutionChoice.TakeLoser, null, "alice");

        result.Applied.ShouldBeTrue(result.Outcome.Messages);
        committer.Offers.ShouldBe(2);
        network.Repository.TextsAt(network.Repository.BranchTip("main")!).Keys.ShouldContain("nodes/entry/e-3.yaml");
        network.Kept().ShouldBeEmpty();
    }

    [Test]
    public async Task A_decision_etcd_could_not_apply_is_recorded_and_keeps_the_loser_until_the_apply()
    {
        committer.BeforeNextOffer(_ => network.Store.Unavailable = true);

        var result = await Resolver.ResolveAsync(EntryPath, ResolutionChoice.KeepWinner, null, "alice");

        result.Recorded.ShouldBeTrue();
        result.Applied.ShouldBeFalse();
        result.StillKept.ShouldHaveSingleItem();
        network.Store.Unavailable = false;
        var tip = network.Repository.BranchTip("main")!;
        var reports = await new Applier(network.Repository, network.Store, Keys, StoreLimits.Default, network.Clock).ApplyAsync(tip, network.Repository);
        reports.ShouldHaveSingleItem().Resolved.ShouldBe([result.StillKept[0]]);
        network.Kept().ShouldBeEmpty();
    }

    [Test]
    public async Task A_change_of_the_record_git_holds_and_etcd_has_not_applied_is_never_overwritten_by_a_decision()
    {
        var tip = network.Repository.Commit("main", "move e-1", (EntryPath, Network.Entry("e-1", "core-1", "10.0.0.1:9443")));

        var error = await Should.ThrowAsync<PendingApplyException>(() => Resolver.ResolveAsync(EntryPath, ResolutionChoice.TakeLoser, null, "alice"));

        error.Message.ShouldStartWith($"Git has a change of {EntryPath} that etcd has not applied yet");
        network.Repository.BranchTip("main").ShouldBe(tip);
        committer.Offers.ShouldBe(0);
    }

    [Test]
    public async Task A_decision_waiting_for_its_apply_is_not_made_twice()
    {
        committer.BeforeNextOffer(_ => network.Store.Unavailable = true);
        var first = await Resolver.ResolveAsync(EntryPath, ResolutionChoice.KeepWinner, null, "alice");
        network.Store.Unavailable = false;

        var error = await Should.ThrowAsync<PendingApplyException>(() => Resolver.ResolveAsync(EntryPath, ResolutionChoice.TakeLoser, null, "root"));

        first.Recorded.ShouldBeTrue();
        error.Message.ShouldBe($"{EntryPath} was decided already in commit {first.CommitSha[..7]}, which etcd has not applied yet: 'sigil apply --repo BARE' applies it");
    }
}
