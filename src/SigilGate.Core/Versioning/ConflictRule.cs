namespace SigilGate.Core.Versioning;

/// <summary>
/// The contract's rule for concurrent versions, applied identically by every side: the later
/// timestamp wins; on equal timestamps the greater writer id (ordinal) wins; on equal writers the
/// greater content hash wins, so the outcome never depends on which side looks first.
/// </summary>
public static class ConflictRule
{
    public static RecordVersion Winner(RecordVersion a, RecordVersion b) => Compare(a, b) >= 0 ? a : b;

    public static int Compare(RecordVersion a, RecordVersion b)
    {
        var byTime = a.Time.CompareTo(b.Time);
        if (byTime != 0) return byTime;
        var byWriter = string.CompareOrdinal(a.Writer, b.Writer);
        return byWriter != 0 ? byWriter : string.CompareOrdinal(a.Sha256, b.Sha256);
    }
}
