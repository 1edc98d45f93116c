using System.Text.Json;
using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Tests.Apply;

/// <summary>The apply of main to etcd: one step from the applied commit to the tip, its pointer and its receipt.</summary>
public class ApplierSpecs
{
    private static readonly KeyLayout Keys = SyncedNetwork.Keys;
    private InMemoryRepository repository = null!;
    private InMemoryKeyValueStore store = null!;
    private string applied = "";

    [SetUp]
    public async Task AppliedBase()
    {
        var network = await SyncedNetwork.CreateAsync();
        (repository, store, applied) = (network.Repository, network.Store, network.Tip);
    }

    private Applier Applier(StoreLimits? limits = null) => new(repository, store, Keys, limits ?? StoreLimits.Default, new FixedClock());

    private Dictionary<string, string> Data() =>
        store.Snapshot().Where(v => Keys.SuffixOfData(v.Key) is not null).ToDictionary(v => v.Key, v => v.Value);

    private async Task<string?> PointerAsync() => (await Applier().ReadPointerAsync()).Commit;

    [Test]
    public async Task A_first_apply_puts_every_synced_record_and_points_at_the_tip()
    {
        var data = Data();

        data["/sigil/nodes/entry/e-1"].ShouldBe(Network.EntryJson("e-1", "core-1", "10.0.0.1:443"));
        data["/sigil/state/core-1/entries/e-1"].ShouldBe(Network.StateJson("up"));
        data.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["/sigil/network", "/sigil/nodes/core/core-1", "/sigil/nodes/core/core-2", "/sigil/nodes/entry/e-1", "/sigil/nodes/entry/e-2", "/sigil/state/core-1/entries/e-1"]);
        (await PointerAsync()).ShouldBe(applied);
    }

    [Test]
    public async Task Commits_pushed_since_the_applied_one_are_applied_in_one_step_to_the_tip()
    {
        var added = repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        var tip = repository.Commit("main", "remove e-2", ("nodes/entry/e-2.yaml", null));

        var reports = await Applier().ApplyAsync(tip, repository);

        reports.ShouldHaveSingleItem().Commit.Sha.ShouldBe(tip);
        reports[0].KeysPut.ShouldBe(["/sigil/nodes/entry/e-3"]);
        reports[0].KeysDeleted.ShouldBe(["/sigil/nodes/entry/e-2"]);
        Data().Keys.ShouldContain("/sigil/nodes/entry/e-3");
        Data().Keys.ShouldNotContain("/sigil/nodes/entry/e-2");
        (await PointerAsync()).ShouldBe(tip);
        repository.HasNote(added).ShouldBeFalse();
    }

    [Test]
    public async Task The_receipt_note_names_the_revision_the_time_and_every_key_written()
    {
        var tip = repository.Commit("main", "add e-3, remove e-2", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")), ("nodes/entry/e-2.yaml", null));

        var report = (await Applier().ApplyAsync(tip, repository)).Single();

        report.Revision.ShouldBe(store.Revision);
        repository.Notes[tip].ShouldBe($"""
            etcd-revision: {store.Revision}
            applied-at: 2026-12-01T12:00:00Z
            put: 1
            deleted: 1
            conflicts: 0
            put /sigil/nodes/entry/e-3
            delete /sigil/nodes/entry/e-2

            """);
    }

    [Test]
    public async Task Applying_the_applied_tip_again_writes_nothing()
    {
        var commits = store.Commits;

        var reports = await Applier().ApplyAsync(applied, repository);

        reports.ShouldBeEmpty();
        store.Commits.ShouldBe(commits);
    }

    [Test]
    public async Task A_value_changed_in_etcd_behind_git_s_back_is_kept_as_the_loser_of_the_conflict()
    {
        var handEdit = Network.EntryJson("e-1", "core-1", "10.0.0.1:8443");
        store.Put("/sigil/nodes/entry/e-1", handEdit);
        var tip = repository.Commit("main", "disable e-1", ("nodes/entry/e-1.yaml", Network.Entry("e-1", "core-1", "10.0.0.1:443", enabled: false)));

        var report = (await Applier().ApplyAsync(tip, repository)).Single();

        var conflict = report.Conflicts.ShouldHaveSingleItem();
        var kept = store.Snapshot().Where(v => v.Key.StartsWith("/sigil/.sigil/conflicts/nodes/entry/e-1/", StringComparison.Ordinal)).ShouldHaveSingleItem();
        kept.Key.ShouldBe(conflict.KeptAt);
        var both = new[] { Data()["/sigil/nodes/entry/e-1"], JsonDocument.Parse(kept.Value).RootElement.GetProperty("value").GetString() };
        both.ShouldBe([handEdit, Network.EntryJson("e-1", "core-1", "10.0.0.1:443", enabled: false)], ignoreOrder: true);
        repository.Notes[tip].ShouldContain($"conflict /sigil/nodes/entry/e-1 kept {kept.Key}");
    }

    [Test]
    public async Task With_the_store_unavailable_the_apply_fails_and_the_work_stays_pending_for_the_next_one()
    {
        var tip = repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        store.Unavailable = true;

        await Should.ThrowAsync<StoreUnavailableException>(() => Applier().ApplyAsync(tip, repository));

        store.Unavailable = false;
        (await PointerAsync()).ShouldBe(applied);
        repository.HasNote(tip).ShouldBeFalse();
        Applier().PendingSteps(await Applier().ReadPointerAsync(), tip).ShouldHaveSingleItem().BaseSha.ShouldBe(applied);

        await Applier().ApplyAsync(tip, repository);

        (await PointerAsync()).ShouldBe(tip);
        repository.HasNote(tip).ShouldBeTrue();
    }

    [Test]
    public async Task An_apply_cut_off_between_batches_leaves_the_pointer_behind_and_the_next_apply_finishes_the_step()
    {
        var changes = Enumerable.Range(3, 20).Select(i => (TreeChange)($"nodes/entry/e-{i}.yaml", Network.Entry($"e-{i}", "core-1", $"10.0.0.{i}:443"))).ToArray();
        var tip = repository.Commit("main", "twenty entries", changes);
        var small = StoreLimits.Default with { MaxOperations = 8 };
        store.UnavailableAfterCommits = 2;

        await Should.ThrowAsync<StoreUnavailableException>(() => Applier(small).ApplyAsync(tip, repository));

        store.Unavailable = false;
        store.UnavailableAfterCommits = null;
        Data().Keys.Count(k => k.StartsWith("/sigil/nodes/entry/", StringComparison.Ordinal)).ShouldBeInRange(3, 21);
        (await PointerAsync()).ShouldBe(applied);

        await Applier(small).ApplyAsync(tip, repository);

        Data().Keys.Count(k => k.StartsWith("/sigil/nodes/entry/", StringComparison.Ordinal)).ShouldBe(22);
        (await PointerAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_step_of_more_records_than_one_slice_writes_every_one_and_moves_the_pointer_in_its_last_transaction()
    {
        var tip = repository.Commit("main", "ten thousand entries", ManyEntries(10_000));

        var report = (await Applier().ApplyAsync(tip, repository)).Single();

        report.KeysPut.Count.ShouldBe(10_000);
        Data().Keys.Count(k => k.StartsWith("/sigil/nodes/entry/", StringComparison.Ordinal)).ShouldBe(10_002);
        var pointer = store.Snapshot().Single(v => v.Key == Keys.Applied);
        pointer.ModRevision.ShouldBe(store.Snapshot().Max(v => v.ModRevision));
        (await PointerAsync()).ShouldBe(tip);
        repository.Notes[tip].ShouldContain("put: 10000\n");
    }

    [Test]
    public async Task A_record_written_behind_the_apply_after_its_first_slice_went_out_is_decided_again_and_both_values_survive()
    {
        var tip = repository.Commit("main", "ten thousand entries", ManyEntries(10_000));
        var handEdit = Network.EntryJson("e-9999", "core-1", "10.9.9.9:8443");
        var racing = new WriteAfterCommits(store, commits: 3, () => store.Put("/sigil/nodes/entry/e-9999", handEdit));

        var report = (await new Applier(repository, racing, Keys, StoreLimits.Default, new FixedClock()).ApplyAsync(tip, repository)).Single();

        racing.Wrote.ShouldBeTrue();
        var conflict = report.Conflicts.ShouldHaveSingleItem();
        conflict.Target.Path.Path.ShouldBe("nodes/entry/e-9999.yaml");
        var kept = store.Snapshot().Single(v => v.Key == conflict.KeptAt);
        var both = new[] { Data()["/sigil/nodes/entry/e-9999"], JsonDocument.Parse(kept.Value).RootElement.GetProperty("value").GetString() };
        both.ShouldBe([handEdit, Network.EntryJson("e-9999", "core-1", EntryAddress(9999))], ignoreOrder: true);
        Data().Keys.Count(k => k.StartsWith("/sigil/nodes/entry/", StringComparison.Ordinal)).ShouldBe(10_002);
        (await PointerAsync()).ShouldBe(tip);
    }

    [Test]
    public async Task A_file_that_cannot_be_read_in_a_later_slice_fails_the_step_without_moving_the_pointer_and_the_next_apply_finishes_it()
    {
        var tip = repository.Commit("main", "ten thousand entries", ManyEntries(10_000));
        var damaged = repository.Snapshot(tip).Find("nodes/entry/e-9000.yaml")!.ObjectId;
        repository.UnreadableBlobs[damaged] = true;

        var failure = await Should.ThrowAsync<GitReadException>(() => Applier().ApplyAsync(tip, repository));

        failure.Message.ShouldContain("e-9000.yaml");
        (await PointerAsync()).ShouldNotBe(tip);
        Data().ShouldNotContainKey("/sigil/nodes/entry/e-9000");
        repository.UnreadableBlobs.Clear();
        await Applier().ApplyAsync(tip, repository);
        (await PointerAsync()).ShouldBe(tip);
        Data().Keys.Count(k => k.StartsWith("/sigil/nodes/entry/", StringComparison.Ordinal)).ShouldBe(10_002);
    }

    private static string EntryAddress(int i) => $"10.{i / 250 % 250}.{i % 250}.1:443";

    private static TreeChange[] ManyEntries(int count) =>
        [.. Enumerable.Range(3, count).Select(i => (TreeChange)($"nodes/entry/e-{i}.yaml", Network.Entry($"e-{i}", "core-1", EntryAddress(i))))];

    [Test]
    public async Task An_applied_commit_left_without_a_receipt_gets_a_recovered_one_at_the_next_apply()
    {
        var unreceipted = repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        await Applier().ApplyAsync(unreceipted, notes: null);
        var tip = repository.Commit("main", "add e-4", ("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-1", "10.0.0.4:443")));

        await Applier().ApplyAsync(tip, repository);

        repository.Notes[unreceipted].ShouldStartWith("etcd-revision: ");
        repository.Notes[unreceipted].ShouldContain("recovered: etcd holds this commit as applied");
        repository.Notes[tip].ShouldContain("put /sigil/nodes/entry/e-4");
    }

    [Test]
    public async Task A_preview_tells_the_operations_and_writes_nothing()
    {
        var tip = repository.Commit("main", "remove e-2", ("nodes/entry/e-2.yaml", null));
        var commits = store.Commits;
        var step = Applier().PendingSteps(await Applier().ReadPointerAsync(), tip).Single();

        var outcomes = await Applier().PreviewAsync(step);

        outcomes.ShouldHaveSingleItem().Kind.ShouldBe(OutcomeKind.Deleted);
        store.Commits.ShouldBe(commits);
        (await PointerAsync()).ShouldBe(applied);
    }

    [Test]
    public async Task A_merge_is_applied_as_one_step_with_what_both_of_its_sides_brought()
    {
        var side = repository.CommitOn([applied], "alice adds e-3 on the applied commit", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));
        repository.Commit("main", "bob adds e-4", ("nodes/entry/e-4.yaml", Network.Entry("e-4", "core-1", "10.0.0.4:443")));
        var merge = repository.Merge("main", side, "merge alice's work", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        var report = (await Applier().ApplyAsync(merge, repository)).ShouldHaveSingleItem();

        report.Commit.Sha.ShouldBe(merge);
        report.KeysPut.ShouldBe(["/sigil/nodes/entry/e-3", "/sigil/nodes/entry/e-4"], ignoreOrder: true);
        repository.HasNote(side).ShouldBeFalse();
        (await PointerAsync()).ShouldBe(merge);
    }
    [Test]
    public async Task The_records_a_merge_took_from_its_other_side_are_dated_in_one_walk()
    {
        // Forty entries on a side branch, twenty commits on main meanwhile, then 'git merge'.
        var added = Enumerable.Range(3, 40).Select(i => (TreeChange)($"nodes/entry/e-{i}.yaml", Network.Entry($"e-{i}", "core-1", $"10.0.3.{i}:443"))).ToArray();
        var side = repository.CommitOn([applied], "alice adds forty entries", added);
        for (var i = 0; i < 20; i++) repository.Commit("main", "bob", ("README.md", $"# test network {i}\n"));
        var merge = repository.Merge("main", side, "merge alice's work", added);
        var before = repository.FilesReads;

        var report = (await Applier().ApplyAsync(merge, repository)).ShouldHaveSingleItem();

        report.KeysPut.Count(k => k.StartsWith("/sigil/nodes/entry/", StringComparison.Ordinal)).ShouldBe(40);
        var version = VersionJson.Parse("v", store.Snapshot().Single(v => v.Key == Keys.Version("nodes/entry/e-7")).Value);
        version.Time.ShouldBe(repository.FindCommit(side)!.CommitterTime, "dated by the commit that wrote it, not by the merge");
        (repository.FilesReads - before).ShouldBeLessThan(20, "the merge and the side commit read once for all forty, not once per record");
    }

    [Test]
    public async Task A_decision_recorded_in_a_commit_removes_its_kept_loser_with_the_step()
    {
        var kept = Keys.Conflict("nodes/entry/e-1", "0123456789abcdef");
        var other = Keys.Conflict("nodes/entry/e-2", "fedcba9876543210");
        store.Put(kept, "{}");
        store.Put(other, "{}");
        repository.Commit("main", "e-1: conflict resolved\n\nSigil-Resolve: keep-winner nodes/entry/e-1.yaml 0123456789abcdef\n");
        var tip = repository.Commit("main", "add e-3", ("nodes/entry/e-3.yaml", Network.Entry("e-3", "core-1", "10.0.0.3:443")));

        var reports = await Applier().ApplyAsync(tip, repository);

        reports.ShouldHaveSingleItem().Resolved.ShouldBe([kept]);
        store.Snapshot().Select(v => v.Key).ShouldNotContain(kept);
        store.Snapshot().Select(v => v.Key).ShouldContain(other);
        repository.Notes[tip].ShouldContain($"resolved {kept} removed");
    }

    [Test]
    public async Task A_first_apply_takes_no_decision_of_the_history_it_starts_from()
    {
        var fresh = new InMemoryRepository();
        var freshStore = new InMemoryKeyValueStore();
        var kept = Keys.Conflict("nodes/entry/e-1", "0123456789abcdef");
        freshStore.Put(kept, "{}");
        fresh.Commit("main", "base network", Network.Base);
        var tip = fresh.Commit("main", "e-1: conflict resolved\n\nSigil-Resolve: keep-winner nodes/entry/e-1.yaml 0123456789abcdef\n");

        var reports = await new Applier(fresh, freshStore, Keys, StoreLimits.Default, new FixedClock()).ApplyAsync(tip, fresh);

        reports.ShouldHaveSingleItem().Resolved.ShouldBeEmpty();
        freshStore.Snapshot().Select(v => v.Key).ShouldContain(kept);
    }
}
