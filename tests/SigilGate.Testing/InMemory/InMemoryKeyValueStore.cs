using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Testing.InMemory;

/// <summary>
/// An in-process store with etcd's semantics, checked against real etcd by the same contract suite:
/// one global revision raised once per transaction that changes something, shared by all its writes;
/// create revisions; a guard of 0 means "absent"; etcd's limits and its refusal of a key written
/// twice in one transaction. <see cref="Unavailable"/> plays an outage.
/// </summary>
public sealed class InMemoryKeyValueStore(StoreLimits? limits = null) : IKeyValueStore
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, StoredValue> data = new(StringComparer.Ordinal);
    private readonly StoreLimits limits = limits ?? StoreLimits.Default;
    private readonly List<(long Revision, string Key, StoredValue? Value)> history = [];
    private long revision = 1; // etcd starts at 1 with an empty keyspace.
    private long compacted;

    /// <summary>While true every call throws <see cref="StoreUnavailableException"/>, as when no member answers.</summary>
    public bool Unavailable { get; set; }

    /// <summary>
    /// When set, the store lets this many more transactions succeed and then turns
    /// <see cref="Unavailable"/>, as etcd going away in the middle of an apply.
    /// </summary>
    public int? UnavailableAfterCommits { get; set; }

    /// <summary>What <see cref="ClusterStatusAsync"/> answers: by default one member that leads itself.</summary>
    public ClusterStatus Cluster { get; set; } = ClusterStatus.Single("default", "in-memory://store");

    /// <summary>Transactions committed successfully through the port so far (including those that changed nothing).</summary>
    public int Commits { get; private set; }

    public long Revision
    {
        get
        {
            lock (gate)
            {
                return revision;
            }
        }
    }

    /// <summary>Everything stored, ordered by key.</summary>
    public IReadOnlyList<StoredValue> Snapshot()
    {
        lock (gate)
        {
            return [.. data.Values];
        }
    }

    /// <summary>Writes one key directly, as <c>etcdctl put</c> would; returns the new revision.</summary>
    public long Put(string key, string value) =>
        Apply(new Transaction([], [new PutMutation(key, value)]), direct: true).Revision;

    /// <summary>Deletes one key directly, as <c>etcdctl del</c> would; returns the revision after it.</summary>
    public long Delete(string key) =>
        Apply(new Transaction([], [new DeleteMutation(key)]), direct: true).Revision;

    public Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        lock (gate)
        {
            var found = keys.Distinct(StringComparer.Ordinal).Where(data.ContainsKey).Select(k => data[k]).ToList();
            return Task.FromResult(new RangeResult(found, revision));
        }
    }

    /// <summary>As <c>etcdctl compact</c>: reads at revisions below <paramref name="revision"/> fail from now on.</summary>
    public void Compact(long revision)
    {
        lock (gate)
        {
            compacted = Math.Max(compacted, revision);
        }
    }

    /// <summary>Reads keys as they were at a past revision from the kept history, unless <see cref="Compact"/> dropped it.</summary>
    public Task<RangeResult> GetManyAsync(IReadOnlyList<string> keys, long revision, CancellationToken cancellationToken = default)
    {
        if (revision == 0) return GetManyAsync(keys, cancellationToken);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        lock (gate)
        {
            if (revision > this.revision) throw new StoreException($"revision {revision} is in the future (the store is at {this.revision})");
            if (revision < compacted) throw new StoreCompactedException($"revision {revision} has been compacted (compacted up to {compacted})");
            var found = keys.Distinct(StringComparer.Ordinal)
                .Select(k => history.LastOrDefault(h => h.Key == k && h.Revision <= revision).Value)
                .OfType<StoredValue>()
                .ToList();
            return Task.FromResult(new RangeResult(found, revision));
        }
    }

    public Task<RangeResult> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        lock (gate)
        {
            var found = data.Values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            return Task.FromResult(new RangeResult(found, revision));
        }
    }

    public Task<RangeResult> GetPrefixesAsync(IReadOnlyList<string> prefixes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        lock (gate)
        {
            var found = prefixes.SelectMany(p => data.Values.Where(v => v.Key.StartsWith(p, StringComparison.Ordinal))).ToList();
            return Task.FromResult(new RangeResult(found, revision));
        }
    }

    public Task<KeyListing> ListPrefixesAsync(IReadOnlyList<string> prefixes, long changedAfter = 0, long revision = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        lock (gate)
        {
            var at = revision == 0 ? this.revision : revision;
            if (at > this.revision) throw new StoreException($"revision {at} is in the future (the store is at {this.revision})");
            if (at < compacted) throw new StoreCompactedException($"revision {at} has been compacted (compacted up to {compacted})");
            var keys = prefixes.SelectMany(p => ValuesAt(at).Where(v => v.Key.StartsWith(p, StringComparison.Ordinal))).ToList();
            var listed = keys.Where(v => v.ModRevision > changedAfter).Select(v => new KeyRevision(v.Key, v.ModRevision, v.CreateRevision)).ToList();
            return Task.FromResult(new KeyListing(listed, keys.Count, at));
        }
    }

    // Every key as it was at a revision, from the kept history (the live data for the current one).
    private IEnumerable<StoredValue> ValuesAt(long at)
    {
        if (at == revision) return data.Values;
        var then = new SortedDictionary<string, StoredValue>(StringComparer.Ordinal);
        foreach (var (written, key, value) in history.TakeWhile(h => h.Revision <= at))
        {
            if (value is null) then.Remove(key);
            else then[key] = value;
        }

        return then.Values;
    }

    public Task<TransactionResult> CommitAsync(Transaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        return Task.FromResult(Apply(transaction, direct: false));
    }

    public Task<ClusterStatus> ClusterStatusAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        return Task.FromResult(Cluster);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <param name="direct">A write by another program (etcdctl): not counted in <see cref="Commits"/>, works while unavailable.</param>
    private TransactionResult Apply(Transaction transaction, bool direct)
    {
        InMemoryTransactionChecks.Validate(transaction, limits);
        lock (gate)
        {
            // Checked again under the lock: transactions sent at once must not slip past the moment
            // UnavailableAfterCommits turns the store unavailable.
            if (!direct) ThrowIfUnavailable();
            if (!transaction.Guards.All(g => (data.TryGetValue(g.Key, out var v) ? v.ModRevision : 0) == g.ModRevision))
            {
                return new TransactionResult(false, revision);
            }

            if (!direct)
            {
                Commits++;
            }

            if (!direct && UnavailableAfterCommits is { } left)
            {
                UnavailableAfterCommits = left - 1;
                Unavailable = left <= 1;
            }

            // Like etcd's mvcc: the revision moves only when something changed (a put, or a delete
            // of a key that existed), and every change of the transaction carries the new revision.
            var next = revision + 1;
            var changed = false;
            foreach (var mutation in transaction.Mutations)
            {
                switch (mutation)
                {
                    case PutMutation put:
                        var created = data.TryGetValue(put.Key, out var old) ? old.CreateRevision : next;
                        data[put.Key] = new StoredValue(put.Key, put.Value, next, created);
                        history.Add((next, put.Key, data[put.Key]));
                        changed = true;
                        break;
                    case DeleteMutation delete:
                        if (data.Remove(delete.Key))
                        {
                            history.Add((next, delete.Key, null));
                            changed = true;
                        }

                        break;
                }
            }

            revision = changed ? next : revision;
            return new TransactionResult(true, revision);
        }
    }

    private void ThrowIfUnavailable()
    {
        if (Unavailable)
        {
            throw new StoreUnavailableException("etcd unreachable at in-memory://store (deadline 5s exceeded)");
        }
    }
}
