using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Conflicts;

/// <summary><c>sigil conflicts</c>: reads the kept conflict losers under <c>&lt;prefix&gt;/.sigil/conflicts/</c>, changing nothing.</summary>
public sealed class ConflictReader(IKeyValueStore store, KeyLayout keys)
{
    /// <summary>Every kept loser, in one consistent read.</summary>
    public async Task<IReadOnlyList<KeptConflict>> ListAsync(CancellationToken cancellationToken = default)
    {
        var kept = await store.GetPrefixAsync(keys.ConflictsRoot, cancellationToken).ConfigureAwait(false);
        return Kept(keys, kept.Values);
    }

    /// <summary>The kept losers among values already read (every key under the prefix, say), in the order read.</summary>
    public static IReadOnlyList<KeptConflict> Kept(KeyLayout keys, IEnumerable<StoredValue> values) =>
        values.Where(v => v.Key.StartsWith(keys.ConflictsRoot, StringComparison.Ordinal)).Select(value => KeptConflict.From(keys, value)).ToList();

    /// <summary>Every kept loser of one record and what etcd holds now at its data key, in one consistent read.</summary>
    /// <exception cref="ArgumentException"><paramref name="recordPath"/> is not the path of a record etcd holds.</exception>
    /// <exception cref="NoKeptConflictException">The record has no kept loser.</exception>
    public async Task<ConflictDetail> ShowAsync(string recordPath, CancellationToken cancellationToken = default)
    {
        var record = RecordPath.Parse(recordPath);
        if (!record.IsSynced) throw new ArgumentException($"{recordPath} is not a record path such as state/core-1/entries/e-2.yaml or nodes/entry/e-7.yaml");

        // The data key is read in the same request.
        var losers = keys.ConflictsOf(record.KeySuffix);
        var dataKey = keys.Data(record.KeySuffix);
        var read = await store.GetPrefixesAsync([losers, dataKey], cancellationToken).ConfigureAwait(false);
        var kept = read.Values.Where(v => v.Key.StartsWith(losers, StringComparison.Ordinal)).Select(v => KeptConflict.From(keys, v)).ToList();
        if (kept.Count == 0) throw new NoKeptConflictException($"no kept conflict for {record.Path} ('sigil conflicts list --repo BARE' lists those kept)");

        var current = read.Values.FirstOrDefault(v => v.Key == dataKey)?.Value;
        return new ConflictDetail(record.Path, dataKey, current, kept);
    }
}
