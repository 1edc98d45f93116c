using SigilGate.Domain.Apply;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Drift;

/// <summary>
/// Both sides at one moment: the branch tip, every key under the prefix (one consistent read,
/// at <see cref="Revision"/>), and how far the applied pointer lags. Drift and reconcile decide from this.
/// </summary>
public sealed record SyncSnapshot(KeyLayout Keys, GitSide Git, IReadOnlyDictionary<string, StoredValue> Etcd, long Revision, ApplyLag Lag, DateTimeOffset Now)
{
    /// <summary>The data keys (what node agents read), without the suite's bookkeeping.</summary>
    public IEnumerable<StoredValue> DataKeys => Etcd.Values.Where(v => Keys.SuffixOfData(v.Key) is not null);

    /// <summary>The data and version key of a record as etcd holds them.</summary>
    public StoredRecord Stored(string suffix) =>
        new(Etcd.GetValueOrDefault(Keys.Data(suffix)), Etcd.GetValueOrDefault(Keys.Version(suffix)));
}
