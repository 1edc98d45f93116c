using SigilGate.Domain.Mirror;
using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Mirror;

namespace SigilGate.Workflows.Tests.Mirror;

/// <summary>core-1's mirror told apart created, updated and deleted records, and its dry run, which changes nothing.</summary>
public class NodeMirrorDryRunSpecs
{
    private const string StateKey = "/sigil/state/core-1/entries/e-1";
    private const string StatePath = "state/core-1/entries/e-1.yaml";
    private static readonly KeyLayout Keys = SyncedNetwork.Keys;
    private InMemoryRepository remote = null!;
    private InMemoryKeyValueStore store = null!;
    private InMemoryClone clone = null!;
    private InMemoryMirrorJournal journal = null!;

    [SetUp]
    public async Task AppliedBaseAndASettledFirstRun()
    {
        var network = await SyncedNetwork.CreateAsync();
        (remote, store) = (network.Repository, network.Store);
        clone = new InMemoryClone(remote, "main");
        journal = new InMemoryMirrorJournal();
        (await Mirror().RunAsync()).Result.ShouldBe(MirrorResult.NothingToPush);
    }

    private NodeMirror Mirror(bool dryRun = false) =>
        new("core-1", store, clone, journal, Keys, new FixedClock(), _ => { }) { DryRun = dryRun };

    [Test]
    public async Task A_dry_run_reports_the_record_and_the_commit_message_and_changes_nothing()
    {
        store.Put(StateKey, Network.StateJson("down", "2026-11-23T11:00:00Z"));
        var (syncs, saves, tip, etcd) = (clone.Syncs, journal.Saves, remote.BranchTip("main"), store.Snapshot());

        var report = await Mirror(dryRun: true).RunAsync();

        report.Result.ShouldBe(MirrorResult.WouldPush);
        report.Pushed.Select(o => (o.Path.Path, MirrorChanges.Of(o))).ShouldBe([(StatePath, MirrorChange.Updated)]);
        report.CommitMessage.ShouldNotBeNull().ShouldContain($"- {StatePath}: updated");
        report.Commit.ShouldBeNull();
        (clone.Syncs, clone.Pushes, clone.CommitMessages.Count, journal.Saves).ShouldBe((syncs, 0, 0, saves));
        remote.BranchTip("main").ShouldBe(tip);
        store.Snapshot().ShouldBe(etcd);
    }

    [Test]
    public async Task After_a_dry_run_the_real_run_still_finds_and_pushes_the_change()
    {
        store.Put(StateKey, Network.StateJson("down"));
        await Mirror(dryRun: true).RunAsync();

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        report.Commit.ShouldBe(remote.BranchTip("main"));
        report.Pushed.Select(o => o.Path.Path).ShouldBe([StatePath]);
    }

    [Test]
    public async Task A_record_git_did_not_hold_is_created()
    {
        remote.Commit("main", "alice adds e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        store.Put("/sigil/state/core-1/entries/e-3", Network.StateJson("up"));

        var report = await Mirror().RunAsync();

        report.Result.ShouldBe(MirrorResult.Pushed);
        report.Pushed.Select(o => (o.Path.Path, MirrorChanges.Of(o))).ShouldBe([("state/core-1/entries/e-3.yaml", MirrorChange.Created)]);
        clone.CommitMessages.ShouldHaveSingleItem().ShouldContain("- state/core-1/entries/e-3.yaml: created");
    }

    [Test]
    public async Task A_record_deleted_in_etcd_is_deleted()
    {
        store.Delete(StateKey);

        var report = await Mirror().RunAsync();

        report.Pushed.Select(o => (o.Path.Path, MirrorChanges.Of(o))).ShouldBe([(StatePath, MirrorChange.Deleted)]);
        clone.CommitMessages.ShouldHaveSingleItem().ShouldContain($"- {StatePath}: deleted");
    }
}
