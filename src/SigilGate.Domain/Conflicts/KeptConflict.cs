using SigilGate.Domain.Apply;
using SigilGate.Domain.Records;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Conflicts;

/// <summary>
/// A kept conflict loser as <c>sigil conflicts</c> shows it: where etcd keeps it, the record it lost
/// on, and the area that owns that record (a Core node's <c>state/&lt;core&gt;/</c>, else <c>git</c>).
/// </summary>
public sealed record KeptConflict(string StoreKey, string RecordPath, string Area, ConflictRecord Record)
{
    /// <inheritdoc cref="Records.RecordPath.GitArea"/>
    public const string GitArea = Records.RecordPath.GitArea;

    /// <summary>Reads a key under <c>&lt;prefix&gt;/.sigil/conflicts/</c>; a <see cref="Bookkeeping.BookkeepingException"/> when it is not one the suite wrote.</summary>
    public static KeptConflict From(KeyLayout keys, StoredValue kept)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(kept);
        var record = ConflictRecord.Parse(kept);
        var recordSuffix = keys.ConflictRecordSuffix(kept.Key);
        var owner = Records.RecordPath.FromKeySuffix(recordSuffix);
        var path = owner?.Path ?? recordSuffix;
        return new KeptConflict(kept.Key, path, AreaOf(owner), record);
    }

    /// <summary>The 16 hex digits that name this loser among its record's (the last part of its key).</summary>
    public string LoserId => StoreKey[(StoreKey.LastIndexOf('/') + 1)..];

    public static string AreaOf(RecordPath? record) => record?.Area ?? GitArea;

    /// <summary>Whole seconds since the conflict was detected (never negative, for a clock set back).</summary>
    public long AgeSeconds(DateTimeOffset now) => Math.Max(0, (long)(now - Record.Detected).TotalSeconds);
}
