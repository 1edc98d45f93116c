using SigilGate.Domain.Mirror;
using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Mirror;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>How the pusher reads its area: a listing of what changed since its last run, then the picked values at the listing's revision.</summary>
public sealed class AreaReadSpecs
{
    private const string Area = "/sigil/state/core-1/";
    private const string Versions = "/sigil/.sigil/versions/state/core-1/";
    private const string Losers = "/sigil/.sigil/conflicts/state/core-1/";

    [Test]
    public async Task Values_are_read_at_the_listings_revision()
    {
        var store = new InMemoryKeyValueStore();
        store.Put(Area + "entries/e-1", "{\"status\":\"up\"}");
        var racing = new ListingHook(store, afterListing: () => store.Put(Area + "entries/e-1", "{\"status\":\"down\"}"), times: 1);

        var read = await AreaRead.ReadAsync(racing, [Area], [], MirrorState.Empty, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        read.Values[Area + "entries/e-1"].Value.ShouldBe("{\"status\":\"up\"}");
        read.Revision.ShouldBe(store.Revision - 1);
    }

    [Test]
    public async Task A_listing_whose_revision_is_compacted_before_its_values_are_read_is_taken_again()
    {
        var store = new InMemoryKeyValueStore();
        store.Put(Area + "entries/e-1", "{\"status\":\"up\"}");
        var racing = new ListingHook(store, afterListing: () =>
        {
            store.Put(Area + "entries/e-2", "{\"status\":\"down\"}");
            store.Compact(store.Revision);
        }, times: 1);

        var read = await AreaRead.ReadAsync(racing, [Area], [], MirrorState.Empty, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        racing.Listings.ShouldBe(2);
        read.Revision.ShouldBe(store.Revision);
        read.Values.Keys.Order(StringComparer.Ordinal).ShouldBe([Area + "entries/e-1", Area + "entries/e-2"]);
    }

    [Test]
    public async Task An_area_compacted_under_every_listing_fails_as_compacted_after_three_listings()
    {
        var store = new InMemoryKeyValueStore();
        store.Put(Area + "entries/e-1", "{\"status\":\"up\"}");
        var racing = new ListingHook(store, afterListing: () =>
        {
            store.Put(Area + "entries/e-1", $"{{\"status\":\"up\",\"n\":{store.Revision}}}");
            store.Compact(store.Revision);
        }, times: int.MaxValue);

        await Should.ThrowAsync<StoreCompactedException>(() => AreaRead.ReadAsync(racing, [Area], [], MirrorState.Empty, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None));

        racing.Listings.ShouldBe(3);
    }

    [Test]
    public async Task Only_keys_written_since_the_last_run_are_news()
    {
        var store = StoreWithEntries(2);
        var last = new MirrorState(store.Revision, 2, new Dictionary<string, long>());
        store.Put(Area + "entries/e-2", "{\"status\":\"down\"}");

        var read = await AreaRead.ReadAsync(store, [Area], [], last, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        read.Written.Select(k => k.Key).ShouldBe([Area + "entries/e-2"]);
        read.Deleted.ShouldBeEmpty();
        read.Values.Keys.ShouldBe([Area + "entries/e-2"]);
        read.KeyCount.ShouldBe(2);
    }

    [Test]
    public async Task A_key_deleted_since_the_last_run_is_named_even_when_a_new_key_keeps_the_count()
    {
        var store = StoreWithEntries(2);
        var last = new MirrorState(store.Revision, 2, new Dictionary<string, long>());
        store.Delete(Area + "entries/e-1");
        store.Put(Area + "entries/e-3", "{\"status\":\"up\"}");

        var read = await AreaRead.ReadAsync(store, [Area], [], last, (_, _) => [], CancellationToken.None);

        read.Deleted.ShouldBe([Area + "entries/e-1"]);
        read.Written.Select(k => k.Key).ShouldBe([Area + "entries/e-3"]);
    }

    [Test]
    public async Task A_settled_key_deleted_since_is_named()
    {
        var store = new InMemoryKeyValueStore();
        store.Put(Area + "entries/e-1", "{\"status\":\"up\"}");
        var at = store.Revision;
        var settled = store.Put(Losers + "entries/e-1/0a1b2c3d4e5f6a7b", "{}");
        var last = new MirrorState(at, 1, new Dictionary<string, long> { [Losers + "entries/e-1/0a1b2c3d4e5f6a7b"] = settled });
        store.Delete(Losers + "entries/e-1/0a1b2c3d4e5f6a7b");

        var read = await AreaRead.ReadAsync(store, [Area, Losers], [], last, (_, _) => [], CancellationToken.None);

        read.Deleted.ShouldBe([Losers + "entries/e-1/0a1b2c3d4e5f6a7b"]);
        read.Written.ShouldBeEmpty();
    }

    [Test]
    public async Task A_first_read_also_lists_the_keys_listed_only_on_whole_reads_and_counts_only_the_others()
    {
        var store = StoreWithEntries(2);
        store.Put(Versions + "entries/e-1", "{}");
        store.Put(Versions + "entries/e-3", "{}");

        var read = await AreaRead.ReadAsync(store, [Area], [Versions], MirrorState.Empty, (_, _) => [], CancellationToken.None);

        read.Written.Select(k => k.Key).Order(StringComparer.Ordinal).ShouldBe(
            [Versions + "entries/e-1", Versions + "entries/e-3", Area + "entries/e-1", Area + "entries/e-2"]);
        read.KeyCount.ShouldBe(2);
    }

    [Test]
    public async Task A_later_read_does_not_list_the_keys_listed_only_on_whole_reads()
    {
        var store = StoreWithEntries(2);
        var last = new MirrorState(store.Revision, 2, new Dictionary<string, long>());
        store.Put(Versions + "entries/e-1", "{}");

        var read = await AreaRead.ReadAsync(store, [Area], [Versions], last, (_, _) => [], CancellationToken.None);

        read.HasNews.ShouldBeFalse();
    }

    [Test]
    public async Task A_full_resync_after_compaction_also_lists_the_keys_listed_only_on_whole_reads()
    {
        var store = StoreWithEntries(2);
        store.Put(Versions + "entries/e-1", "{}");
        var last = new MirrorState(store.Revision, 2, new Dictionary<string, long>());
        store.Delete(Area + "entries/e-1");
        store.Compact(store.Revision);

        var read = await AreaRead.ReadAsync(store, [Area], [Versions], last, (_, _) => [], CancellationToken.None);

        read.Written.Select(k => k.Key).Order(StringComparer.Ordinal).ShouldBe([Versions + "entries/e-1", Area + "entries/e-2"]);
        read.KeyCount.ShouldBe(1);
    }

    [Test]
    public async Task When_the_last_runs_snapshot_is_compacted_and_a_key_is_gone_every_key_is_news()
    {
        var store = StoreWithEntries(3);
        var last = new MirrorState(store.Revision, 3, new Dictionary<string, long>());
        store.Delete(Area + "entries/e-1");
        store.Compact(store.Revision);

        var read = await AreaRead.ReadAsync(store, [Area], [], last, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        read.Written.Select(k => k.Key).Order(StringComparer.Ordinal).ShouldBe([Area + "entries/e-2", Area + "entries/e-3"]);
        read.Values.Count.ShouldBe(2);
    }

    [Test]
    public async Task A_store_behind_the_last_run_is_read_whole()
    {
        var store = StoreWithEntries(2);

        // As after a restore from an older snapshot: the journal saw revisions this store never reached.
        var last = new MirrorState(store.Revision + 100, 2, new Dictionary<string, long>());

        var read = await AreaRead.ReadAsync(store, [Area], [], last, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        read.Written.Count.ShouldBe(2);
        read.Revision.ShouldBe(store.Revision);
    }

    [Test]
    public async Task When_nothing_was_written_anywhere_since_the_last_run_the_area_is_not_listed()
    {
        var store = StoreWithEntries(3);
        var last = new MirrorState(store.Revision, 3, new Dictionary<string, long>());
        var counting = new ListingHook(store, afterListing: () => { }, times: 0);

        var read = await AreaRead.ReadAsync(counting, [Area], [Versions], last, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        counting.Listings.ShouldBe(0);
        read.HasNews.ShouldBeFalse();
        read.Revision.ShouldBe(last.Revision);
        read.KeyCount.ShouldBe(3);
    }

    [Test]
    public async Task A_write_anywhere_in_the_store_since_the_last_run_has_the_area_listed()
    {
        var store = StoreWithEntries(3);
        var last = new MirrorState(store.Revision, 3, new Dictionary<string, long>());
        store.Put("/sigil/state/core-2/entries/e-9", "{\"status\":\"up\"}");
        var counting = new ListingHook(store, afterListing: () => { }, times: 0);

        var read = await AreaRead.ReadAsync(counting, [Area], [], last, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        counting.Listings.ShouldBe(1);
        read.HasNews.ShouldBeFalse();
        read.Revision.ShouldBe(store.Revision);
    }

    [Test]
    public async Task A_write_in_the_area_after_a_run_that_found_the_store_unmoved_is_news_to_the_next_run()
    {
        var store = StoreWithEntries(3);
        var last = new MirrorState(store.Revision, 3, new Dictionary<string, long>());
        var quiet = await AreaRead.ReadAsync(store, [Area], [], last, (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);
        store.Put(Area + "entries/e-2", "{\"status\":\"down\"}");

        var read = await AreaRead.ReadAsync(store, [Area], [], new MirrorState(quiet.Revision, quiet.KeyCount, new Dictionary<string, long>()), (written, _) => [.. written.Select(k => k.Key)], CancellationToken.None);

        read.Written.Select(k => k.Key).ShouldBe([Area + "entries/e-2"]);
        read.Values[Area + "entries/e-2"].Value.ShouldBe("{\"status\":\"down\"}");
    }

    [Test]
    public async Task Keys_left_unsettled_are_read_again_even_when_the_store_did_not_move()
    {
        var store = StoreWithEntries(2);
        var last = new MirrorState(store.Revision, 2, new Dictionary<string, long>()) { Unsettled = [Area + "entries/e-1"] };
        var counting = new ListingHook(store, afterListing: () => { }, times: 0);

        var read = await AreaRead.ReadAsync(counting, [Area], [], last, (_, _) => [Area + "entries/e-1"], CancellationToken.None);

        counting.Listings.ShouldBe(1);
        read.Values.Keys.ShouldBe([Area + "entries/e-1"]);
    }

    /// <summary>A store holding state records e-1 ... e-N of the area, each written by its own transaction.</summary>
    private static InMemoryKeyValueStore StoreWithEntries(int count)
    {
        var store = new InMemoryKeyValueStore();
        for (var i = 1; i <= count; i++) store.Put(Area + $"entries/e-{i}", "{\"status\":\"up\"}");
        return store;
    }

    /// <summary>The in-memory store with something done right after each of the first listings of the area, which it counts.</summary>
    private sealed class ListingHook(InMemoryKeyValueStore inner, Action afterListing, int times) : IKeyValueStore
    {
        public int Listings { get; private set; }

        public async Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, long changedAfter = 0, long revision = 0, CancellationToken cancellationToken = default)
        {
            var listing = await inner.ListPrefixesAsync(prefixes, changedAfter, revision, cancellationToken);

            // A listing of no prefix only reads the latest revision: it visits no key.
            if (prefixes.Count == 0) return listing;
            if (++Listings <= times) afterListing();
            return listing;
        }

        public Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default) =>
            inner.GetManyAsync(keys, revision, cancellationToken);

        public Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.GetPrefixAsync(prefix, cancellationToken);

        public Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default) => inner.GetPrefixesAsync(prefixes, cancellationToken);

        public Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default) => inner.CommitAsync(transaction, cancellationToken);

        public Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken = default) => inner.ClusterStatusAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
