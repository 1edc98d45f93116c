using SigilGate.Core.Mirror;
using SigilGate.Core.Store;
using SigilGate.Testing;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>How the pusher reads its area: a listing, then the picked values at the listing's revision.</summary>
public sealed class AreaReadSpecs
{
    private const string Area = "/sigil/state/core-1/";

    [Test]
    public async Task Values_are_read_at_the_listings_revision()
    {
        var store = new InMemoryKeyValueStore();
        store.Put(Area + "entries/e-1", "{\"status\":\"up\"}");
        var racing = new ListingHook(store, afterListing: () => store.Put(Area + "entries/e-1", "{\"status\":\"down\"}"), times: 1);

        var read = await AreaRead.ReadAsync(racing, [Area], listed => [.. listed.Keys], CancellationToken.None);

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

        var read = await AreaRead.ReadAsync(racing, [Area], listed => [.. listed.Keys], CancellationToken.None);

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

        await Should.ThrowAsync<StoreCompactedException>(() => AreaRead.ReadAsync(racing, [Area], listed => [.. listed.Keys], CancellationToken.None));

        racing.Listings.ShouldBe(3);
    }

    /// <summary>The in-memory store with something done right after each of the first listings.</summary>
    private sealed class ListingHook(InMemoryKeyValueStore inner, Action afterListing, int times) : IKeyValueStore
    {
        public int Listings { get; private set; }

        public async Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default)
        {
            var listing = await ((IKeyValueStore)inner).ListPrefixesAsync(prefixes, cancellationToken);
            if (++Listings <= times) afterListing();
            return listing;
        }

        public Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default) =>
            inner.GetManyAsync(keys, revision, cancellationToken);

        public Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.GetPrefixAsync(prefix, cancellationToken);

        public Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default) => inner.GetPrefixesAsync(prefixes, cancellationToken);

        public Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default) => inner.CommitAsync(transaction, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
