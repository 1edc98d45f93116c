namespace SigilGate.Core.Store;

/// <summary>
/// How many keys lie under some prefixes and the newest mod revision among them, read at
/// <paramref name="Revision"/>. Keys that were exactly some set at revision R are still exactly
/// that set when the count is unchanged and no key is newer than R: any put since R would carry a
/// newer mod revision, and a delete alone would lower the count.
/// </summary>
public sealed record PrefixSummary(long Count, long NewestModRevision, long Revision)
{
    public static PrefixSummary Of(RangeResult range) =>
        new(range.Values.Count, range.Values.Count == 0 ? 0 : range.Values.Max(v => v.ModRevision), range.Revision);

    /// <summary>True when the keys are provably the same <paramref name="count"/> keys they were at <paramref name="revision"/>.</summary>
    public bool Unchanged(long count, long revision) => Count == count && NewestModRevision <= revision;
}
