using SigilGate.Domain.Bookkeeping;
using SigilGate.Workflows.Drift;

namespace SigilGate.Workflows.Tests.Drift;

/// <summary>What drift and reconcile compare: the branch tip's records and every key under the prefix, read once.</summary>
public class SyncSnapshotReaderSpecs
{
    private SyncedNetwork network = null!;

    [SetUp]
    public async Task Synced() => network = await SyncedNetwork.CreateAsync();

    [Test]
    public async Task A_snapshot_holds_the_tip_s_records_every_key_its_revision_the_pointer_and_the_time()
    {
        var tip = network.Repository.Commit("main", "add a readme line", ("README.md", "# more\n"));

        var snapshot = await SyncSnapshotReader.ReadAsync(network.Repository, network.Store, SyncedNetwork.Keys, "main", network.Clock);

        snapshot.Git.Tip!.Sha.ShouldBe(tip);
        snapshot.Git.Records.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["network", "nodes/core/core-1", "nodes/core/core-2", "nodes/entry/e-1", "nodes/entry/e-2", "state/core-1/entries/e-1"]);
        snapshot.Etcd.Keys.ShouldBe(network.Store.Snapshot().Select(v => v.Key), ignoreOrder: true);
        snapshot.Revision.ShouldBe(network.Store.Revision);
        snapshot.Lag.Pointer.Commit.ShouldBe(network.Tip);
        snapshot.Lag.Pending.Select(c => c.Sha).ShouldBe([tip]);
        snapshot.Now.ShouldBe(FixedClock.Noon);
    }

    [Test]
    public async Task Without_the_branch_git_holds_nothing_and_everything_in_etcd_is_read()
    {
        var snapshot = await SyncSnapshotReader.ReadAsync(network.Repository, network.Store, SyncedNetwork.Keys, "gone", network.Clock);

        snapshot.Git.Tip.ShouldBeNull();
        snapshot.Git.Records.ShouldBeEmpty();
        snapshot.DataKeys.Count().ShouldBe(6);
    }

    [Test]
    public async Task A_record_file_that_does_not_validate_is_unreadable_not_a_record()
    {
        network.Repository.Commit("main", "broken", ("nodes/entry/e-2.yaml", "id: [\n"));

        var snapshot = await SyncSnapshotReader.ReadAsync(network.Repository, network.Store, SyncedNetwork.Keys, "main", network.Clock);

        snapshot.Git.Unreadable.ShouldBe(["nodes/entry/e-2"]);
        snapshot.Git.Records.Keys.ShouldNotContain("nodes/entry/e-2");
    }

    [Test]
    public async Task A_damaged_bookkeeping_key_stops_the_read_naming_the_key()
    {
        network.Store.Put(SyncedNetwork.Keys.Version("nodes/entry/e-2"), "not json");

        var damaged = await Should.ThrowAsync<BookkeepingException>(() => SyncSnapshotReader.ReadAsync(network.Repository, network.Store, SyncedNetwork.Keys, "main", network.Clock));

        damaged.Message.ShouldStartWith("etcd key /sigil/.sigil/versions/nodes/entry/e-2 is damaged: ");
    }
}
