using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>
/// What every <see cref="IKeyValueStore"/> must do, run against real etcd (through the adapter) and
/// against the in-memory store, so the fake the other tests rely on cannot drift from etcd.
/// Each test works under its own key prefix, so one etcd can serve the whole fixture.
/// </summary>
public abstract class KeyValueStoreContract
{
    protected IKeyValueStore Store { get; private set; } = null!;

    /// <summary>A prefix no other test uses, e.g. <c>/contract/3f2a…/</c>.</summary>
    protected string P { get; private set; } = null!;

    protected abstract Task<IKeyValueStore> OpenStoreAsync();

    /// <summary>Compacts the store's history below <paramref name="revision"/>, as <c>etcdctl compact</c>.</summary>
    protected abstract Task CompactAsync(long revision);

    [SetUp]
    public async Task OpenAsync()
    {
        Store = await OpenStoreAsync();
        P = $"/contract/{Guid.NewGuid():N}/";
    }

    [TearDown]
    public async Task CloseAsync() => await Store.DisposeAsync();

    [Test]
    public async Task A_put_key_is_read_back_with_the_revision_that_wrote_it()
    {
        var put = await CommitAsync(Put("a", "{\"x\":1}"));

        var read = await Store.GetManyAsync([P + "a"]);

        put.Succeeded.ShouldBeTrue();
        var value = read.Values.ShouldHaveSingleItem();
        value.ShouldBe(new StoredValue(P + "a", "{\"x\":1}", put.Revision, put.Revision));
        read.Revision.ShouldBe(put.Revision);
    }

    [Test]
    public async Task Absent_keys_are_missing_from_the_result_which_still_reports_the_revision()
    {
        var put = await CommitAsync(Put("present", "1"));

        var read = await Store.GetManyAsync([P + "absent", P + "present", P + "present"]);

        read.Values.Select(v => v.Key).ShouldBe([P + "present"]);
        read.Revision.ShouldBe(put.Revision);
        (await Store.GetManyAsync([])).Revision.ShouldBe(put.Revision);
    }

    [Test]
    public async Task Reading_more_keys_than_one_request_holds_returns_all_of_them()
    {
        for (var batch = 0; batch < 3; batch++)
        {
            await CommitAsync([.. Enumerable.Range(batch * 100, 100).Select(i => Put($"k{i}", $"v{i}"))]);
        }

        var keys = Enumerable.Range(0, 320).Select(i => P + $"k{i}").ToList();
        var read = await Store.GetManyAsync(keys);

        read.Values.Count.ShouldBe(300);
        read.ByKey()[P + "k299"].Value.ShouldBe("v299");
    }

    [Test]
    public async Task A_prefix_read_returns_the_keys_under_it_and_no_sibling()
    {
        await CommitAsync(Put("e-1/a", "1"), Put("e-1/b", "2"), Put("e-10/a", "3"), Put("e-1", "4"));

        var read = await Store.GetPrefixAsync(P + "e-1/");

        read.Values.Select(v => v.Key).ShouldBe([P + "e-1/a", P + "e-1/b"]);
    }

    [Test]
    public async Task A_prefix_read_returns_keys_in_byte_order_with_their_revisions()
    {
        var first = await CommitAsync(Put("b", "2"));
        var second = await CommitAsync(Put("a", "1"));

        var read = await Store.GetPrefixAsync(P);

        read.Values.ShouldBe([new StoredValue(P + "a", "1", second.Revision, second.Revision), new StoredValue(P + "b", "2", first.Revision, first.Revision)]);
        read.Revision.ShouldBe(second.Revision);
    }

    [Test]
    public async Task Deleting_a_key_leaves_the_keys_that_merely_start_with_it()
    {
        await CommitAsync(Put("e-1", "1"), Put("e-10", "10"), Put("e-1/x", "x"));

        var delete = await CommitAsync(new DeleteMutation(P + "e-1"));

        delete.Succeeded.ShouldBeTrue();
        var left = await Store.GetPrefixAsync(P);
        left.Values.Select(v => v.Key).ShouldBe([P + "e-1/x", P + "e-10"]);
    }

    [Test]
    public async Task A_guard_of_zero_holds_only_while_the_key_is_absent()
    {
        var create = await Store.CommitAsync(new Transaction([new Guard(P + "k", 0)], [Put("k", "first")]));
        var again = await Store.CommitAsync(new Transaction([new Guard(P + "k", 0)], [Put("k", "second")]));

        create.Succeeded.ShouldBeTrue();
        again.Succeeded.ShouldBeFalse();
        (await Store.GetManyAsync([P + "k"])).Values.Single().Value.ShouldBe("first");
    }

    [Test]
    public async Task A_guard_on_the_revision_read_holds_until_someone_writes_the_key()
    {
        var written = await CommitAsync(Put("k", "v1"));

        var update = await Store.CommitAsync(new Transaction([new Guard(P + "k", written.Revision)], [Put("k", "v2")]));
        var stale = await Store.CommitAsync(new Transaction([new Guard(P + "k", written.Revision)], [Put("k", "v3")]));

        update.Succeeded.ShouldBeTrue();
        stale.Succeeded.ShouldBeFalse();
        (await Store.GetManyAsync([P + "k"])).Values.Single().Value.ShouldBe("v2");
    }

    [Test]
    public async Task A_stale_guard_fails_the_whole_transaction_and_writes_nothing()
    {
        var written = await CommitAsync(Put("guarded", "v1"), Put("other", "o1"));
        var moved = await CommitAsync(Put("guarded", "v2"));

        var result = await Store.CommitAsync(new Transaction(
            [new Guard(P + "other", written.Revision), new Guard(P + "guarded", written.Revision)],
            [Put("guarded", "v3"), Put("new", "n"), new DeleteMutation(P + "other")]));

        result.Succeeded.ShouldBeFalse();
        result.Revision.ShouldBe(moved.Revision);
        var all = (await Store.GetPrefixAsync(P)).ByKey();
        all.Keys.Order(StringComparer.Ordinal).ShouldBe([P + "guarded", P + "other"]);
        all[P + "guarded"].Value.ShouldBe("v2");
        all[P + "other"].Value.ShouldBe("o1");
    }

    [Test]
    public async Task All_writes_of_one_transaction_share_one_mod_revision_which_is_reported()
    {
        var before = (await Store.GetManyAsync([])).Revision;

        var result = await CommitAsync(Put("a", "1"), Put("b", "2"), Put("c", "3"));

        result.Revision.ShouldBe(before + 1);
        (await Store.GetPrefixAsync(P)).Values.Select(v => v.ModRevision).ShouldAllBe(r => r == result.Revision);
    }

    [Test]
    public async Task An_update_keeps_the_create_revision_and_raises_the_mod_revision()
    {
        var created = await CommitAsync(Put("k", "1"));
        var updated = await CommitAsync(Put("k", "2"));

        var value = (await Store.GetManyAsync([P + "k"])).Values.Single();

        value.CreateRevision.ShouldBe(created.Revision);
        value.ModRevision.ShouldBe(updated.Revision);
        updated.Revision.ShouldBe(created.Revision + 1);
    }

    [Test]
    public async Task A_transaction_that_changes_nothing_leaves_the_revision_where_it_was()
    {
        var written = await CommitAsync(Put("k", "1"));

        var noop = await CommitAsync(new DeleteMutation(P + "never-written"));
        var empty = await Store.CommitAsync(new Transaction([], []));

        noop.Succeeded.ShouldBeTrue();
        noop.Revision.ShouldBe(written.Revision);
        empty.Succeeded.ShouldBeTrue();
        empty.Revision.ShouldBe(written.Revision);
    }

    [Test]
    public async Task The_latest_revision_is_that_of_the_last_write_and_reads_do_not_move_it()
    {
        var first = await CommitAsync(Put("a", "1"));
        await Store.GetManyAsync([P + "a"]);
        await Store.ListPrefixesAsync([P], first.Revision);
        var unmoved = await Store.LatestRevisionAsync();
        var second = await CommitAsync(Put("b", "2"));

        unmoved.ShouldBe(first.Revision);
        (await Store.LatestRevisionAsync()).ShouldBe(second.Revision);
        second.Revision.ShouldBeGreaterThan(first.Revision);
    }

    [Test]
    public async Task Text_values_round_trip_as_utf8()
    {
        const string value = "{\"name\":\"Zürich – 東京 ✓\"}";
        await CommitAsync(Put("utf8", value));

        (await Store.GetPrefixAsync(P)).Values.Single().Value.ShouldBe(value);
    }

    [Test]
    public async Task More_writes_than_the_server_allows_in_one_transaction_are_refused_and_nothing_is_written()
    {
        var writes = Enumerable.Range(0, StoreLimits.Default.MaxOperations + 1).Select(i => Put($"k{i}", "v")).ToList();

        var error = await Should.ThrowAsync<StoreException>(() => Store.CommitAsync(new Transaction([], writes)));

        error.ShouldNotBeOfType<StoreUnavailableException>();
        error.Message.ShouldContain("too many operations");
        (await Store.GetPrefixAsync(P)).Values.ShouldBeEmpty();
    }

    [Test]
    public async Task More_guards_than_the_server_allows_in_one_transaction_are_refused()
    {
        var guards = Enumerable.Range(0, StoreLimits.Default.MaxOperations + 1).Select(i => new Guard(P + $"k{i}", 0)).ToList();

        var error = await Should.ThrowAsync<StoreException>(() => Store.CommitAsync(new Transaction(guards, [Put("k", "v")])));

        error.Message.ShouldContain("too many operations");
    }

    [Test]
    public async Task As_many_writes_as_the_server_allows_fit_in_one_transaction()
    {
        var writes = Enumerable.Range(0, StoreLimits.Default.MaxOperations).Select(i => Put($"k{i}", "v")).ToList();
        var guards = Enumerable.Range(0, StoreLimits.Default.MaxOperations).Select(i => new Guard(P + $"k{i}", 0)).ToList();

        var result = await Store.CommitAsync(new Transaction(guards, writes));

        result.Succeeded.ShouldBeTrue();
        (await Store.GetPrefixAsync(P)).Values.Count.ShouldBe(StoreLimits.Default.MaxOperations);
    }

    [Test]
    public async Task Writing_one_key_twice_in_a_transaction_is_refused()
    {
        var twice = await Should.ThrowAsync<StoreException>(() => CommitAsync(Put("k", "1"), Put("k", "2")));
        var putAndDelete = await Should.ThrowAsync<StoreException>(() => CommitAsync(Put("k", "1"), new DeleteMutation(P + "k")));

        twice.Message.ShouldContain("duplicate key");
        putAndDelete.Message.ShouldContain("duplicate key");
        (await Store.GetPrefixAsync(P)).Values.ShouldBeEmpty();
    }

    [Test]
    public async Task A_request_larger_than_the_server_accepts_is_refused()
    {
        var large = new string('x', 1_600_000);

        var error = await Should.ThrowAsync<StoreException>(() => CommitAsync(Put("large", large)));

        error.ShouldNotBeOfType<StoreUnavailableException>();
        error.Message.ShouldContain("too large");
    }

    [Test]
    public async Task A_listing_of_what_changed_gives_only_keys_written_after_the_revision_and_counts_them_all()
    {
        var first = await CommitAsync(Put("a/1", "x"), Put("a/2", "x"), Put("b/1", "y"));
        var rewritten = await CommitAsync(Put("a/2", "x again"));
        var created = await CommitAsync(Put("b/2", "z"));
        await CommitAsync(Put("c/1", "later, but under no listed prefix"));

        var listing = await Store.ListPrefixesAsync([P + "a/", P + "b/"], changedAfter: first.Revision);

        listing.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).ShouldBe([new KeyRevision(P + "a/2", rewritten.Revision, first.Revision), new KeyRevision(P + "b/2", created.Revision, created.Revision)]);
        listing.Count.ShouldBe(4);
    }

    [Test]
    public async Task A_listing_of_what_changed_sees_a_delete_only_in_its_count()
    {
        var before = await CommitAsync(Put("a/1", "x"), Put("a/2", "x"));
        await Store.CommitAsync(new Transaction([], [new DeleteMutation(P + "a/1")]));

        var listing = await Store.ListPrefixesAsync([P + "a/"], changedAfter: before.Revision);

        listing.Keys.ShouldBeEmpty();
        listing.Count.ShouldBe(1);
    }

    [Test]
    public async Task A_listing_at_a_past_revision_shows_the_keys_as_they_were_then()
    {
        var then = await CommitAsync(Put("a/1", "x"), Put("a/2", "x"));
        await Store.CommitAsync(new Transaction([], [new DeleteMutation(P + "a/1")]));
        await CommitAsync(Put("a/3", "born later"), Put("a/2", "rewritten"));

        var listing = await Store.ListPrefixesAsync([P + "a/"], revision: then.Revision);

        listing.Revision.ShouldBe(then.Revision);
        listing.Count.ShouldBe(2);
        listing.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).ShouldBe([new KeyRevision(P + "a/1", then.Revision, then.Revision), new KeyRevision(P + "a/2", then.Revision, then.Revision)]);
    }

    [Test]
    public async Task A_listing_at_a_revision_compacted_away_fails_as_compacted()
    {
        var old = await CommitAsync(Put("a/1", "old"));
        var newer = await CommitAsync(Put("a/1", "new"));
        await CompactAsync(newer.Revision);

        await Should.ThrowAsync<StoreCompactedException>(() => Store.ListPrefixesAsync([P + "a/"], revision: old.Revision));
    }

    [Test]
    public async Task A_listing_of_prefixes_holding_nothing_counts_zero()
    {
        var listing = await Store.ListPrefixesAsync([P + "none/"]);

        listing.Keys.ShouldBeEmpty();
        listing.Count.ShouldBe(0);
        listing.Revision.ShouldBe((await Store.GetManyAsync([])).Revision);
    }

    [Test]
    public async Task A_listing_gives_every_key_under_the_prefixes_with_its_mod_revision_and_no_value()
    {
        var first = await CommitAsync(Put("a/1", "one"), Put("b/1", "two"), Put("c/1", "elsewhere"));
        var second = await CommitAsync(Put("a/2", "three"));

        var listing = await Store.ListPrefixesAsync([P + "a/", P + "b/"]);

        listing.Revision.ShouldBe(second.Revision);
        listing.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).ShouldBe([new KeyRevision(P + "a/1", first.Revision, first.Revision), new KeyRevision(P + "a/2", second.Revision, second.Revision), new KeyRevision(P + "b/1", first.Revision, first.Revision)]);
        listing.Count.ShouldBe(3);
    }

    [Test]
    public async Task Keys_read_at_a_listings_revision_are_as_they_were_then_whatever_came_after()
    {
        await CommitAsync(Put("a/1", "old"), Put("a/2", "gone later"));
        var listing = await Store.ListPrefixesAsync([P + "a/"]);
        await CommitAsync(Put("a/1", "new"), Put("a/3", "born later"));
        await Store.CommitAsync(new Transaction([], [new DeleteMutation(P + "a/2")]));

        var then = await Store.GetManyAsync([P + "a/1", P + "a/2", P + "a/3"], listing.Revision);

        then.Revision.ShouldBe(listing.Revision);
        then.Values.Select(v => (v.Key, v.Value)).OrderBy(v => v.Key, StringComparer.Ordinal).ShouldBe([(P + "a/1", "old"), (P + "a/2", "gone later")]);
    }

    [Test]
    public async Task Many_keys_read_at_a_revision_are_all_as_they_were_then()
    {
        for (var batch = 0; batch < 5; batch++)
        {
            await CommitAsync([.. Enumerable.Range(batch * 100, 100).Select(i => Put($"m/{i}", $"old {i}"))]);
        }

        var listing = await Store.ListPrefixesAsync([P + "m/"]);
        await CommitAsync([.. Enumerable.Range(0, 500).Where(i => i % 7 == 0).Select(i => Put($"m/{i}", $"new {i}"))]);

        var then = await Store.GetManyAsync(listing.Keys.Select(k => k.Key).ToList(), listing.Revision);

        then.Values.Count.ShouldBe(500);
        then.Values.ShouldAllBe(v => v.Value.StartsWith("old ", StringComparison.Ordinal));
        then.Values.Select(v => v.Key).Distinct().Count().ShouldBe(500);
    }

    [Test]
    public async Task Reading_at_a_revision_compacted_away_fails_as_compacted_and_the_compaction_point_stays_readable()
    {
        var old = await CommitAsync(Put("c/1", "old"));
        var newer = await CommitAsync(Put("c/1", "new"));
        await CompactAsync(newer.Revision);

        var failure = await Should.ThrowAsync<StoreCompactedException>(() => Store.GetManyAsync([P + "c/1"], old.Revision));
        var atCompaction = await Store.GetManyAsync([P + "c/1"], newer.Revision);

        failure.Message.ShouldContain("compacted");
        atCompaction.Values.ShouldHaveSingleItem().Value.ShouldBe("new");
    }

    [Test]
    public async Task The_cluster_status_lists_named_members_with_client_urls_and_one_of_them_leads()
    {
        var status = await Store.ClusterStatusAsync();

        status.Members.ShouldNotBeEmpty();
        status.Members.ShouldAllBe(m => m.Name.Length > 0 && m.ClientUrls.Count > 0);
        status.Leader.ShouldNotBeNull().ShouldBeOneOf([.. status.Members]);
    }

    private PutMutation Put(string name, string value) => new(P + name, value);

    private Task<TransactionResult> CommitAsync(params Mutation[] mutations) =>
        Store.CommitAsync(new Transaction([], mutations));
}
