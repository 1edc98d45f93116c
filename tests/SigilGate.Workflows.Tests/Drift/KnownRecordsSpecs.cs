using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Domain.Trees;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Drift;

namespace SigilGate.Workflows.Tests.Drift;

/// <summary>Drift's kept readings of record files: they spare reading unchanged blobs, and can never hide a difference.</summary>
public class KnownRecordsSpecs
{
    private const string E1 = "nodes/entry/e-1.yaml";
    private SyncedNetwork network = null!;

    [SetUp]
    public async Task Synced() => network = await SyncedNetwork.CreateAsync();

    private Task<DriftReport> DriftAsync(KeptReadings kept) =>
        new DriftCheck(network.Repository, network.Store, SyncedNetwork.Keys, "main", StoreLimits.Default, network.Clock, kept).RunAsync();

    private static string[] Kinds(DriftReport report) =>
        report.Differences.Select(d => $"{DriftKinds.Name(d.Difference.Kind)} {d.Difference.Subject}").Order(StringComparer.Ordinal).ToArray();

    private string BlobOf(string path) => network.Repository.Snapshot(network.Repository.BranchTip("main")!).Find(path)!.ObjectId;

    [Test]
    public async Task A_run_keeps_the_tip_s_readings_and_the_next_run_on_the_same_tip_keeps_nothing_new()
    {
        var kept = new KeptReadings();

        (await DriftAsync(kept)).InSync.ShouldBeTrue();
        (await DriftAsync(kept)).InSync.ShouldBeTrue();

        kept.Saves.ShouldBe(1);
        kept.Kept.ByPath.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["network.yaml", "nodes/core/core-1.yaml", "nodes/core/core-2.yaml", E1, "nodes/entry/e-2.yaml", "state/core-1/entries/e-1.yaml"]);
        kept.Kept.ByPath[E1].ShouldBe(new KnownRecord(TreeFileMode.Regular, BlobOf(E1), Network.EntryJson("e-1", "core-1", "10.0.0.1:443")));
    }

    [Test]
    public async Task A_kept_reading_of_another_blob_at_the_same_path_is_not_used()
    {
        // The stale reading says e-1 is what etcd now holds; the tip's blob says otherwise.
        var edited = Network.EntryJson("e-1", "core-1", "10.0.0.1:8443");
        network.Store.Put("/sigil/nodes/entry/e-1", edited);
        var stale = new KnownRecords(new Dictionary<string, KnownRecord> { [E1] = new(TreeFileMode.Regular, new string('a', 40), edited) });

        Kinds(await DriftAsync(new KeptReadings(stale))).ShouldBe(["changed-in-etcd nodes/entry/e-1.yaml"]);
    }

    [Test]
    public async Task A_blob_changed_under_the_same_path_is_read_again()
    {
        var kept = new KeptReadings();
        (await DriftAsync(kept)).InSync.ShouldBeTrue();

        network.Repository.Commit("main", "move e-1", (E1, Network.Entry("e-1", "core-1", "10.0.0.9:443")));
        var report = await DriftAsync(kept);

        Kinds(report).ShouldBe(["apply-pending /sigil/.sigil/applied", "changed-in-etcd nodes/entry/e-1.yaml"]);
        kept.Kept.ByPath[E1].Json.ShouldBe(Network.EntryJson("e-1", "core-1", "10.0.0.9:443"));
    }

    [Test]
    public async Task A_reading_kept_for_another_mode_of_the_same_blob_is_not_used()
    {
        var kept = new KeptReadings();
        (await DriftAsync(kept)).InSync.ShouldBeTrue();

        // The same content, now executable: a record must be a regular file, so it no longer validates.
        network.Repository.Commit("main", "make e-1 executable", TreeChange.Executable(E1, Network.Entry("e-1", "core-1", "10.0.0.1:443")));
        var report = await DriftAsync(kept);

        report.Snapshot.Git.Unreadable.ShouldBe(["nodes/entry/e-1"]);
        kept.Kept.ByPath[E1].ShouldBe(new KnownRecord(TreeFileMode.Executable, BlobOf(E1), null));
    }

    [Test]
    public async Task Readings_of_another_repository_change_nothing()
    {
        var other = await SyncedNetwork.CreateAsync();
        other.Repository.Commit("main", "other entries", (E1, Network.Entry("e-1", "core-2", "10.9.9.9:443")), ("nodes/entry/e-7.yaml", Network.Entry("e-7", "core-1", "10.0.0.7:443")));
        var theirs = new KeptReadings();
        await new DriftCheck(other.Repository, other.Store, SyncedNetwork.Keys, "main", StoreLimits.Default, other.Clock, theirs).RunAsync();
        network.Store.Put("/sigil/nodes/entry/e-1", Network.EntryJson("e-1", "core-2", "10.9.9.9:443"));

        var report = await DriftAsync(new KeptReadings(theirs.Kept));

        Kinds(report).ShouldBe(["changed-in-etcd nodes/entry/e-1.yaml"]);
    }

    [Test]
    public async Task Readings_that_cannot_be_kept_only_cost_a_full_read()
    {
        var readOnly = new KeptReadings(readOnly: true);
        network.Store.Delete("/sigil/nodes/entry/e-2");

        Kinds(await DriftAsync(readOnly)).ShouldBe(["missing-in-etcd nodes/entry/e-2.yaml"]);
        readOnly.Kept.Count.ShouldBe(0);
    }
}
