namespace SigilGate.Domain.Versioning;

/// <summary>
/// The contract's rule for concurrent versions, applied identically by every side: the later
/// timestamp wins; on equal timestamps the greater writer id (ordinal) wins; on equal writers the
/// greater content hash wins, so the outcome never depends on which side looks first.
/// </summary>
public static class ConflictRule
{
    public static RecordVersion Winner(RecordVersion a, RecordVersion b) => Compare(a, b) >= 0 ? a : b;

    /// <summary>
    /// The winner's content with a vector that has seen both sides and strictly more than the loser.
    /// When the loser had already seen as much as the winner (two raw writes guessed the same vector),
    /// the plain merge would equal the loser's vector, and a later change made on top of the loser,
    /// where it still lives (Git keeps it until the next push), would wrongly pass as having seen the
    /// winner. The winner's writer counts the resolution as one more change.
    /// </summary>
    public static RecordVersion Resolved(RecordVersion winner, RecordVersion loser)
    {
        var merged = winner.Vector.Merge(loser.Vector);
        return winner with { Vector = merged.CompareTo(loser.Vector) == Causality.Dominates ? merged : merged.Bump(winner.Writer) };
    }

    public static int Compare(RecordVersion a, RecordVersion b)
    {
        var byTime = a.Time.CompareTo(b.Time);
        if (byTime != 0) return byTime;
        var byWriter = string.CompareOrdinal(a.Writer, b.Writer);
        return byWriter != 0 ? byWriter : string.CompareOrdinal(a.Sha256, b.Sha256);
    }
}
