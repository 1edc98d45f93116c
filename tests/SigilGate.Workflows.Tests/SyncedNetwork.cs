using SigilGate.Domain.Store;
using SigilGate.Testing.InMemory;
using SigilGate.Workflows.Apply;

namespace SigilGate.Workflows.Tests;

/// <summary>The base network on main, applied to an in-memory etcd: where drift and reconcile specs start.</summary>
internal sealed class SyncedNetwork
{
    public static readonly KeyLayout Keys = new("/sigil");

    private SyncedNetwork(InMemoryRepository repository, InMemoryKeyValueStore store, string tip)
    {
        Repository = repository;
        Store = store;
        Tip = tip;
    }

    public InMemoryRepository Repository { get; }

    public InMemoryKeyValueStore Store { get; }

    public string Tip { get; }

    public FixedClock Clock { get; } = new();

    public static async Task<SyncedNetwork> CreateAsync()
    {
        var repository = new InMemoryRepository();
        var store = new InMemoryKeyValueStore();
        var tip = repository.Commit("main", "base network", Network.Base);
        await new Applier(repository, store, Keys, StoreLimits.Default, new FixedClock()).ApplyAsync(tip, repository);
        return new SyncedNetwork(repository, store, tip);
    }

    public Dictionary<string, string> Data() =>
        Store.Snapshot().Where(v => Keys.SuffixOfData(v.Key) is not null).ToDictionary(v => v.Key, v => v.Value);

    public IReadOnlyList<StoredValue> Kept() =>
        Store.Snapshot().Where(v => v.Key.StartsWith(Keys.ConflictsRoot, StringComparison.Ordinal)).ToList();
}
