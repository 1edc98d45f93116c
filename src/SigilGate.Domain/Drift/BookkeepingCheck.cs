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
    /// <summary>Throws a <see cref="BookkeepingException"/> for the first damaged value (in key order), saying how many more there are.</summary>
    public static void Verify(KeyLayout keys, IEnumerable<StoredValue> values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        BookkeepingException? first = null;
        var more = 0;
        foreach (var value in values.Where(v => keys.IsBookkeeping(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            try
            {
                Read(keys, value);
            }
            catch (BookkeepingException damaged)
            {
                if (first is null) first = damaged;
                else more++;
            }
        }

        if (first is null) return;
        if (more == 0) throw first;
        throw new BookkeepingException(first.Key, $"{first.Problem} ({more} more damaged key{(more == 1 ? "" : "s")} under {keys.Bookkeeping})", first.Repair);
    }

    private static void Read(KeyLayout keys, StoredValue value)
    {
        var key = value.Key;
        if (key == keys.Applied) AppliedPointer.Read(value);
        else if (key.StartsWith(keys.VersionsRoot, StringComparison.Ordinal)) VersionJson.Parse(key, value.Value);
        else if (key.StartsWith(keys.ConflictsRoot, StringComparison.Ordinal)) ConflictRecord.Parse(value);
        else if (key.StartsWith(DriftKeys.Root(keys), StringComparison.Ordinal)) DriftLedger.FirstSeen(value);
    }
}
