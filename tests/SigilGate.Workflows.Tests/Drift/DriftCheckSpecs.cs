using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Drift;

namespace SigilGate.Workflows.Tests.Drift;

/// <summary><c>sigil drift</c>: how etcd differs from main, and since when.</summary>
public class DriftCheckSpecs
{
    private SyncedNetwork network = null!;

    [SetUp]
    public async Task Synced() => network = await SyncedNetwork.CreateAsync();

    private Task<DriftReport> DriftAsync() =>
        new DriftCheck(network.Repository, network.Store, SyncedNetwork.Keys, "main", StoreLimits.Default, network.Clock).RunAsync();

    private static string[] Kinds(DriftReport report) =>
        report.Differences.Select(d => $"{DriftKinds.Name(d.Difference.Kind)} {d.Difference.Subject}").Order(StringComparer.Ordinal).ToArray();

    [Test]
    public async Task Etcd_right_after_an_apply_is_in_sync_and_nothing_is_recorded()
    {
        var revision = network.Store.Revision;

        var report = await DriftAsync();

        report.InSync.ShouldBeTrue(string.Join("\n", Kinds(report)));
        network.Store.Revision.ShouldBe(revision);
    }

    [Test]
    public async Task A_git_owned_key_edited_in_etcd_is_changed_in_etcd()
    {
        network.Store.Put("/sigil/nodes/entry/e-1", Network.EntryJson("e-1", "core-1", "10.0.0.1:8443"));

        Kinds(await DriftAsync()).ShouldBe(["changed-in-etcd nodes/entry/e-1.yaml"]);
    }

    [Test]
    public async Task A_key_missing_from_etcd_and_a_key_only_in_etcd_are_both_reported()
    {
        network.Store.Delete("/sigil/nodes/entry/e-2");
        network.Store.Put("/sigil/nodes/entry/e-99", "{}");

        Kinds(await DriftAsync()).ShouldBe(["missing-in-etcd nodes/entry/e-2.yaml", "only-in-etcd nodes/entry/e-99.yaml"]);
    }

    [Test]
    public async Task A_node_write_not_yet_mirrored_is_a_pending_node_write_of_that_node()
    {
        network.Store.Put("/sigil/state/core-1/entries/e-1", Network.StateJson("down"));

        var difference = (await DriftAsync()).Differences.ShouldHaveSingleItem().Difference;

        difference.Kind.ShouldBe(DriftKind.PendingNodeWrite);
        difference.Core.ShouldBe("core-1");
    }

    [Test]
    public async Task Commits_not_yet_applied_are_apply_pending_and_cover_the_keys_they_change()
    {
        var pending = network.Repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        var report = await DriftAsync();

        Kinds(report).ShouldBe(["apply-pending /sigil/.sigil/applied", "missing-in-etcd nodes/entry/e-3.yaml"]);
        var apply = report.Differences.Single(d => d.Difference.Kind == DriftKind.ApplyPending).Difference;
        (apply.PendingCommit, apply.CommitsBehind).ShouldBe((pending, 1));
        report.Differences.Single(d => d.Difference.Kind == DriftKind.MissingInEtcd).Difference.CoveredByPendingApply.ShouldBeTrue();
    }

    [Test]
    public async Task A_conflict_s_kept_loser_waits_for_a_person()
    {
        network.Store.Put("/sigil/nodes/entry/e-1", Network.EntryJson("e-1", "core-1", "10.0.0.1:8443"));
        var tip = network.Repository.Commit("main", "disable e-1", ("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false)));
        await new Applier(network.Repository, network.Store, SyncedNetwork.Keys, StoreLimits.Default, network.Clock).ApplyAsync(tip, null);

        var report = await DriftAsync();

        report.Differences.ShouldContain(d => d.Difference.Kind == DriftKind.ConflictLoser);
        report.Count(DriftKind.ConflictLoser).ShouldBe(1);
    }

    [Test]
    public async Task A_difference_keeps_its_first_seen_time_and_ages_between_runs_and_leaves_no_time_behind_when_gone()
    {
        network.Store.Put("/sigil/nodes/entry/e-99", "{}");
        var first = (await DriftAsync()).Differences.Single();
        network.Clock.Now = FixedClock.Noon.AddMinutes(5);

        var second = (await DriftAsync()).Differences.Single();

        first.FirstSeen.ShouldBe(FixedClock.Noon);
        second.FirstSeen.ShouldBe(FixedClock.Noon);
        second.AgeSeconds.ShouldBe(300);
        network.Store.Delete("/sigil/nodes/entry/e-99");
        (await DriftAsync()).InSync.ShouldBeTrue();
        network.Store.Snapshot().ShouldNotContain(v => v.Key.StartsWith(DriftKeys.Root(SyncedNetwork.Keys), StringComparison.Ordinal));
    }

    [Test]
    public async Task When_the_first_seen_times_cannot_be_written_the_differences_are_still_reported_with_the_reason()
    {
        network.Store.Put("/sigil/nodes/entry/e-99", "{}");
        var readOnly = new ReadOnlyStore(network.Store);

        var report = await new DriftCheck(network.Repository, readOnly, SyncedNetwork.Keys, "main", StoreLimits.Default, network.Clock).RunAsync();

        Kinds(report).ShouldBe(["only-in-etcd nodes/entry/e-99.yaml"]);
        report.LedgerProblem.ShouldBe(ReadOnlyStore.Refusal);
        report.Differences.Single().FirstSeen.ShouldBe(FixedClock.Noon);
    }
}
