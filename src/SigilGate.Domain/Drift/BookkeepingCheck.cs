using SigilGate.Domain.Apply;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Drift;

/// <summary>
/// Reads every bookkeeping value of a snapshot of the prefix by its kind (the applied pointer,
/// versions, kept conflicts, drift first-seen times), before anything is decided from them: a
/// damaged one stops the command with its key named, rather than being taken for absent and
/// silently rewritten or overwritten. Keys of kinds this version does not know are left alone.
/// </summary>
public static class BookkeepingCheck
{
    // Below this many values, starting worker threads costs more than it saves.
    private const int ParallelThreshold = 1000;

    /// <summary>Throws a <see cref="BookkeepingException"/> for the first damaged value (in key order), saying how many more there are.</summary>
    /// <remarks>
    /// Each value is read on its own, on every core for a large prefix: at 100,000 records the
    /// versions alone took a third of a drift check read one after another.
    /// </remarks>
    public static void Verify(KeyLayout keys, IEnumerable<StoredValue> values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var bookkeeping = values.Where(v => keys.IsBookkeeping(v.Key)).ToArray();
        var damage = new BookkeepingException?[bookkeeping.Length];
        if (bookkeeping.Length < ParallelThreshold)
        {
            for (var i = 0; i < bookkeeping.Length; i++) damage[i] = Damage(keys, bookkeeping[i]);
        }
        else
        {
            Parallel.For(0, bookkeeping.Length, i => damage[i] = Damage(keys, bookkeeping[i]));
        }

        var damaged = Enumerable.Range(0, bookkeeping.Length)
            .Where(i => damage[i] is not null)
            .OrderBy(i => bookkeeping[i].Key, StringComparer.Ordinal)
            .Select(i => damage[i]!)
            .ToList();
        if (damaged.Count == 0) return;
        var first = damaged[0];
        var more = damaged.Count - 1;
        if (more == 0) throw first;
        throw new BookkeepingException(first.Key, $"{first.Problem} ({more} more damaged key{(more == 1 ? "" : "s")} under {keys.Bookkeeping})", first.Repair);
    }

    private static BookkeepingException? Damage(KeyLayout keys, StoredValue value)
    {
        try
        {
            Read(keys, value);
            return null;
        }
        catch (BookkeepingException damaged)
        {
            return damaged;
        }
    }

    private static void Read(KeyLayout keys, StoredValue value)
    {
        var key = value.Key;
        if (key == keys.Applied) AppliedPointer.Read(value);
        else if (key.StartsWith(keys.VersionsRoot, StringComparison.Ordinal)) VersionJson.Verify(key, value.Value);
        else if (key.StartsWith(keys.ConflictsRoot, StringComparison.Ordinal)) ConflictRecord.Parse(value);
        else if (key.StartsWith(DriftKeys.Root(keys), StringComparison.Ordinal)) DriftLedger.FirstSeen(value);
    }
}
