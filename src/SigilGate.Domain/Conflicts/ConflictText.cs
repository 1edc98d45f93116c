using SigilGate.Domain.Drift;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Conflicts;

/// <summary>The lines of <c>sigil conflicts list</c> and <c>sigil conflicts show</c>; documented in docs/conflicts.md.</summary>
public static class ConflictText
{
    /// <summary>
    /// By area, then record: one line per kept loser with its age, both writers and where the loser
    /// came from, then a summary.
    /// </summary>
    public static IEnumerable<string> List(IReadOnlyList<KeptConflict> kept, DateTimeOffset now)
    {
        if (kept.Count == 0)
        {
            yield return "no kept conflicts";
            yield break;
        }

        var areas = Grouped(kept);
        foreach (var area in areas)
        {
            yield return $"{area.Key}: {Count(area.Count())}";
            foreach (var conflict in area)
            {
                var record = conflict.Record;
                yield return $"  {conflict.RecordPath}: {AgeText.Format(conflict.AgeSeconds(now))} old, loser {record.Loser.Writer} ({record.Source}), winner {record.Winner.Writer}; kept at {conflict.StoreKey}";
            }
        }

        yield return $"{Count(kept.Count)} in {areas.Count} area{(areas.Count == 1 ? "" : "s")} ('sigil conflicts show --repo BARE PATH' shows one)";
    }

    /// <summary>Areas in order, and in each the records in order, the oldest loser of a record first.</summary>
    public static IReadOnlyList<IGrouping<string, KeptConflict>> Grouped(IEnumerable<KeptConflict> kept) =>
        kept.OrderBy(c => c.Area, StringComparer.Ordinal)
            .ThenBy(c => c.RecordPath, StringComparer.Ordinal)
            .ThenBy(c => c.Record.Detected)
            .ThenBy(c => c.StoreKey, StringComparer.Ordinal)
            .GroupBy(c => c.Area)
            .ToList();

    /// <summary>Each kept loser of one record: both versions, where the loser came from, and a diff of the kept value against etcd's.</summary>
    public static IEnumerable<string> Show(ConflictDetail detail, DateTimeOffset now)
    {
        yield return $"{detail.RecordPath}: {Count(detail.Kept.Count)}";
        foreach (var conflict in detail.Kept.OrderBy(c => c.Record.Detected).ThenBy(c => c.StoreKey, StringComparer.Ordinal))
        {
            var record = conflict.Record;
            yield return "";
            yield return $"kept at {conflict.StoreKey}";
            yield return $"  detected {Timestamps.Format(record.Detected)} ({AgeText.Format(conflict.AgeSeconds(now))} ago)";
            yield return $"  winner: {Version(record.Winner)}";
            yield return $"  loser:  {Version(record.Loser)}, from {record.Source}";
            yield return $"--- loser (kept{(record.Value is null ? ": a deletion" : "")})";
            yield return $"+++ winner (etcd now at {detail.DataKey}{(detail.Current is null ? ": absent" : "")})";
            foreach (var line in LineDiff.Of(ValueLines.Of(record.Value), ValueLines.Of(detail.Current))) yield return line;
        }
    }

    private static string Version(RecordVersion version) =>
        $"{version.Writer} at {Timestamps.Format(version.Time)}, vector {version.Vector}, sha256 {version.Sha256[..16]}{(version.IsDeletion ? " (a deletion)" : "")}";

    private static string Count(int count) => count == 1 ? "1 kept conflict" : $"{count} kept conflicts";
}
