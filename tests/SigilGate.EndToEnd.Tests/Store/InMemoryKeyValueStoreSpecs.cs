using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Ports;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>The store contract, against the in-memory store the other tests use in place of etcd.</summary>
public sealed class InMemoryKeyValueStoreSpecs : KeyValueStoreContract
{
    private InMemoryKeyValueStore store = null!;

    protected override Task<IKeyValueStore> OpenStoreAsync() => Task.FromResult<IKeyValueStore>(store = new InMemoryKeyValueStore());

    protected override Task CompactAsync(long revision)
    {
        store.Compact(revision);
        return Task.CompletedTask;
    }

    [Test]
    public async Task While_unavailable_every_call_fails_as_etcd_unreachable_does()
    {
        var store = new InMemoryKeyValueStore { Unavailable = true };

        await Should.ThrowAsync<StoreUnavailableException>(() => store.GetPrefixAsync("/"));
        await Should.ThrowAsync<StoreUnavailableException>(() => store.CommitAsync(new Transaction([], [])));
        await Should.ThrowAsync<StoreUnavailableException>(() => store.ClusterStatusAsync());
        store.Unavailable = false;
        (await store.GetPrefixAsync("/")).Revision.ShouldBe(1);
    }

    [Test]
    public async Task It_can_go_away_after_a_given_number_of_commits()
    {
        var store = new InMemoryKeyValueStore { UnavailableAfterCommits = 2 };

        await store.CommitAsync(new Transaction([], [new PutMutation("/a", "1")]));
        await store.CommitAsync(new Transaction([], [new PutMutation("/b", "2")]));

        await Should.ThrowAsync<StoreUnavailableException>(() => store.CommitAsync(new Transaction([], [new PutMutation("/c", "3")])));
        store.Snapshot().Select(v => v.Key).ShouldBe(["/a", "/b"]);
    }
}
