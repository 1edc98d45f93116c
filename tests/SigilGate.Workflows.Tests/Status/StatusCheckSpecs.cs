using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Status;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Status;

namespace SigilGate.Workflows.Tests.Status;

/// <summary><c>sigil status</c>: Git's side, etcd's side and the Core nodes' mirrors, read without writing.</summary>
public class StatusCheckSpecs
{
    private SyncedNetwork network = null!;

    [SetUp]
    public async Task Synced() => network = await SyncedNetwork.CreateAsync();

    private Task<StatusReport> StatusAsync(int mirrorSearchLimit = LastMirrorReader.DefaultLimit) =>
        new StatusCheck(network.Repository, network.Store, SyncedNetwork.Keys, "main", StoreLimits.Default, network.Clock) { MirrorSearchLimit = mirrorSearchLimit }.RunAsync();

    private string MirrorCommit(string node, long revision) =>
        network.Repository.Commit("main", $"{node}: mirror 1 record from etcd\n\n- state/{node}/entries/e-1.yaml: changed\n\nSigil-Node: {node}\nSigil-Etcd-Revision: {revision}\n", ($"state/{node}/entries/e-1.yaml", Network.State($"up-{revision}")));

    [Test]
    public async Task Right_after_an_apply_all_is_ok_and_nothing_is_written()
    {
        var revision = network.Store.Revision;

        var report = await StatusAsync();

        report.Ok.ShouldBeTrue(string.Join(", ", report.Attention));
        report.Tip!.Sha.ShouldBe(network.Tip);
        report.Drift!.Snapshot.Lag.Pointer.Commit.ShouldBe(network.Tip);
        report.Cluster!.Members.ShouldHaveSingleItem().Name.ShouldBe("default");
        report.Kept.ShouldBeEmpty();
        network.Store.Revision.ShouldBe(revision);
    }

    [Test]
    public async Task A_pending_commit_and_an_etcd_edit_need_attention_and_leave_no_first_seen_time_behind()
    {
        network.Repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        network.Store.Put("/sigil/nodes/entry/e-1", Network.EntryJson("e-1", "core-1", "10.0.0.1:8443"));
        var revision = network.Store.Revision;

        var report = await StatusAsync();

        report.Attention.ShouldBe(["1 pending commit", "3 drift differences"]);
        report.Drift!.Count(DriftKind.ChangedInEtcd).ShouldBe(1);
        network.Store.Revision.ShouldBe(revision);
        network.Store.Snapshot().ShouldNotContain(v => v.Key.StartsWith(DriftKeys.Root(SyncedNetwork.Keys), StringComparison.Ordinal));
    }

    [Test]
    public async Task A_kept_conflict_is_counted_by_its_area()
    {
        network.Store.Put("/sigil/nodes/entry/e-1", Network.EntryJson("e-1", "core-1", "10.0.0.1:8443"));
        var tip = network.Repository.Commit("main", "disable e-1", ("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false)));
        await new Applier(network.Repository, network.Store, SyncedNetwork.Keys, StoreLimits.Default, network.Clock).ApplyAsync(tip, null);

        var report = await StatusAsync();

        report.Kept.ShouldHaveSingleItem().Area.ShouldBe("git");
        report.Attention.ShouldContain("1 kept conflict");
    }

    [Test]
    public async Task With_etcd_unreachable_the_git_side_is_still_reported_with_the_reason()
    {
        MirrorCommit("core-1", 42);
        network.Store.Unavailable = true;

        var report = await StatusAsync();

        report.Tip.ShouldNotBeNull();
        report.Mirrors.Cores.Single(c => c.Node == "core-1").EtcdRevision.ShouldBe(42);
        (report.Cluster, report.Drift, report.Kept).ShouldBe((null, null, null));
        report.EtcdProblem!.Unreachable.ShouldBeTrue();
        report.EtcdProblem.Message.ShouldContain("unreachable");
        report.Attention.ShouldBe(["etcd unreachable"]);
    }

    [TestCase("/sigil/.sigil/versions/nodes/entry/e-2")]
    [TestCase("/sigil/.sigil/applied")]
    [TestCase("/sigil/.sigil/conflicts/nodes/entry/e-1/0123456789abcdef")]
    [TestCase("/sigil/.sigil/drift/changed-in-etcd/nodes/entry/e-1")]
    public async Task Damaged_bookkeeping_is_an_error_naming_the_key_not_an_unreadable_etcd(string key)
    {
        network.Store.Put(key, "garbage");

        var damaged = await Should.ThrowAsync<BookkeepingException>(() => StatusAsync());

        damaged.Message.ShouldStartWith($"etcd key {key} is damaged: ");
    }

    [Test]
    public async Task A_cluster_without_a_leader_is_reported_without_waiting_on_reads()
    {
        network.Store.Cluster = network.Store.Cluster with { LeaderId = 0 };

        var report = await StatusAsync();

        report.Drift.ShouldBeNull();
        report.Attention.ShouldBe(["etcd has no leader"]);
    }

    [Test]
    public async Task Each_core_node_of_the_tip_gets_its_newest_mirror_commit_or_never()
    {
        MirrorCommit("core-1", 40);
        var newest = MirrorCommit("core-1", 41);
        network.Repository.Commit("main", "an operator's edit", ("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-2", "10.0.0.2:444")));

        var mirrors = (await StatusAsync()).Mirrors;

        mirrors.Cores.Select(c => c.Node).ShouldBe(["core-1", "core-2"]);
        mirrors.Cores[0].Last!.Sha.ShouldBe(newest);
        mirrors.Cores[0].EtcdRevision.ShouldBe(41);
        mirrors.Cores[1].Last.ShouldBeNull();
        mirrors.Complete.ShouldBeTrue();
    }

    [Test]
    public async Task A_mirror_behind_an_operator_s_merge_is_found()
    {
        var fork = network.Repository.Branches["main"];
        var mirror = MirrorCommit("core-2", 7);
        var operatorSide = network.Repository.CommitOn([fork], "an operator's edit", ("nodes/entry/e-2.yaml", Network.Entry("e-2", "core-2", "10.0.0.2:444")));
        var merge = network.Repository.CommitOn([operatorSide, mirror], "merge");
        network.Repository.SetBranch("main", merge);

        var mirrors = (await StatusAsync()).Mirrors;

        mirrors.Cores.Single(c => c.Node == "core-2").Last!.Sha.ShouldBe(mirror);
    }

    [Test]
    public async Task The_search_stops_after_its_limit_and_says_so()
    {
        MirrorCommit("core-1", 40);
        for (var i = 0; i < 3; i++) network.Repository.Commit("main", $"edit {i}", ("README.md", $"# edit {i}\n"));

        var mirrors = (await StatusAsync(mirrorSearchLimit: 3)).Mirrors;

        mirrors.Cores.ShouldAllBe(c => c.Last == null);
        (mirrors.CommitsSearched, mirrors.Complete).ShouldBe((3, false));
    }
}
