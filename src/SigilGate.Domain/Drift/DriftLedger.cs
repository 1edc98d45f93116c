using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Drift;

/// <summary>
/// First-seen times of differences, so repeated runs report how long each has been so. A new
/// difference is recorded (from when its data says it arose, else now); one that is gone is removed.
/// Every write is guarded on what was read, so two drift runs at once never undo each other.
/// </summary>
public static class DriftLedger
{
    public static LedgerUpdate Update(IReadOnlyList<Difference> differences, SyncSnapshot snapshot)
    {
        var keys = snapshot.Keys;
        var now = snapshot.Now;
        var root = DriftKeys.Root(keys);
        var recorded = snapshot.Etcd.Values.Where(v => v.Key.StartsWith(root, StringComparison.Ordinal)).ToDictionary(v => v.Key, StringComparer.Ordinal);
        var aged = new List<AgedDifference>();
        var writes = new List<(IReadOnlyList<Guard>, IReadOnlyList<Mutation>)>();
        var current = new HashSet<string>(StringComparer.Ordinal);

        foreach (var difference in differences)
        {
            var key = DriftKeys.Of(keys, difference);
            if (!current.Add(key)) continue;
            var entry = recorded.GetValueOrDefault(key);
            DateTimeOffset? firstSeen = entry is null ? null : FirstSeen(entry);
            if (firstSeen is null)
            {
                var since = difference.KnownSince is { } known && known < now ? known : now;
                firstSeen = Timestamps.ToSeconds(since);
                writes.Add(([new Guard(key, entry?.ModRevision ?? 0)], [new PutMutation(key, ToJson(firstSeen.Value, difference.Key))]));
            }

            aged.Add(new AgedDifference(difference, firstSeen.Value, Math.Max(0, (long)(now - firstSeen.Value).TotalSeconds)));
        }

        foreach (var gone in recorded.Values.Where(v => !current.Contains(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            writes.Add(([new Guard(gone.Key, gone.ModRevision)], [new DeleteMutation(gone.Key)]));
        }

        return new LedgerUpdate(aged, writes);
    }

    public static string ToJson(DateTimeOffset firstSeen, string key) => JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("first_seen", Timestamps.Format(firstSeen));
            writer.WriteString("key", key);
            writer.WriteEndObject();
        });

    /// <summary>The recorded first-seen time; a <see cref="BookkeepingException"/> naming the key when the value is not one.</summary>
    public static DateTimeOffset FirstSeen(StoredValue entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return BookkeepingJson.Read(entry.Key, entry.Value, BookkeepingRepair.FirstSeen(entry.Key), ledger => ledger.Time("first_seen"));
    }
}
