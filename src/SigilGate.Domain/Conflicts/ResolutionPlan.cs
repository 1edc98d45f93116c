using SigilGate.Domain.Apply;
using SigilGate.Domain.Mirror;
using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Conflicts;

/// <summary>
/// The commit that records a decision about a record's kept losers: the files it changes, its
/// message (the decision in words and in <see cref="ConflictResolution"/> trailers) and what to tell
/// the person. The commit goes through the gate and the apply as any other change of the record.
/// </summary>
public sealed record ResolutionPlan(IReadOnlyList<FileChange> Changes, string Message, IReadOnlyList<ConflictResolution> Resolutions, IReadOnlyList<string> Summary)
{
    /// <param name="kept">Every kept loser of the record (at least one).</param>
    /// <param name="loserId">The loser decided about; null: the only one, or for <see cref="ResolutionChoice.KeepWinner"/> all of them.</param>
    /// <param name="stored">The record as etcd holds it now.</param>
    /// <exception cref="ArgumentException">The loser is not named when it must be, is not kept, or is not a valid record to take.</exception>
    public static ResolutionPlan Decide(RecordPath record, ResolutionChoice choice, string? loserId, IReadOnlyList<KeptConflict> kept, StoredRecord stored, ResolutionTip tip, string identity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(tip);
        var chosen = Choose(record, choice, loserId, kept);
        var resolutions = chosen.Select(k => new ConflictResolution(choice, record, k.LoserId)).ToList();
        var etcd = stored.CurrentVersion(RecordDecision.RawWriter(record), now);

        var changes = new List<FileChange>();
        var said = new List<string>();
        if (choice == ResolutionChoice.TakeLoser) changes.AddRange(TakeLoser(record, chosen[0], etcd, tip, now, said));
        else changes.AddRange(KeepWinner(record, stored, etcd, tip, said));
        foreach (var copy in resolutions.Select(r => r.GitCopyPath).Where(tip.CopiesInGit.Contains))
        {
            changes.Add(new FileChange(copy, null));
            said.Add($"its copy in Git, {copy}, goes with it");
        }

        var message = ResolutionMessage.Build(record, choice, chosen, etcd, said, identity, now, resolutions);
        return new ResolutionPlan(changes, message, resolutions, said);
    }

    private static List<KeptConflict> Choose(RecordPath record, ResolutionChoice choice, string? loserId, IReadOnlyList<KeptConflict> kept)
    {
        var ids = string.Join(", ", kept.Select(k => k.LoserId).Order(StringComparer.Ordinal));
        if (loserId is not null)
        {
            return kept.Where(k => k.LoserId == loserId).ToList() is { Count: > 0 } named
                ? named
                : throw new ArgumentException($"{record.Path} has no kept loser {loserId} (kept: {ids})");
        }

        if (choice == ResolutionChoice.TakeLoser && kept.Count > 1)
        {
            throw new ArgumentException($"{record.Path} has {kept.Count} kept losers ({ids}): name the one to take with --loser ID ('sigil conflicts show' shows each)");
        }

        return [.. kept];
    }

    /// <summary>
    /// The record becomes the loser's content, with a version that has seen what etcd holds and both
    /// versions of the conflict: the apply then replaces etcd's value rather than meeting it as a new conflict.
    /// </summary>
    private static IEnumerable<FileChange> TakeLoser(RecordPath record, KeptConflict loser, RecordVersion? etcd, ResolutionTip tip, DateTimeOffset now, List<string> said)
    {
        var kept = loser.Record;
        Record? taken = null;
        if (kept.Value is not null)
        {
            var (parsed, diagnostics) = RecordJson.Parse(record, kept.Value);
            taken = parsed ?? throw new ArgumentException(
                $"the kept loser {loser.LoserId} of {record.Path} is not a valid record ({string.Join("; ", diagnostics.Select(d => d.Message))}), so it cannot be taken: keep the winner, or commit a corrected record");
        }

        var seen = (etcd?.Vector ?? VersionVector.Empty).Merge(kept.Loser.Vector).Merge(kept.Winner.Vector).Merge(tip.Version?.Vector ?? VersionVector.Empty);
        var version = new RecordVersion(seen.Bump(Writers.Git, now.ToUnixTimeSeconds()), Writers.Git, now.ToUniversalTime(), taken?.Sha256 ?? RecordVersion.DeletedSha256);
        said.Add(taken is null ? $"{record.Path} is deleted, as the kept loser {loser.LoserId} had it" : $"{record.Path} becomes the kept loser {loser.LoserId}");
        return Write(record, taken, version);
    }

    /// <summary>
    /// The record stays as etcd holds it. Git is the truth for recovery, so Git is brought to the same
    /// content when etcd's version has seen Git's (the winner is newer than what Git holds); a change
    /// Git holds that etcd has not seen yet is left to its apply.
    /// </summary>
    private static IEnumerable<FileChange> KeepWinner(RecordPath record, StoredRecord stored, RecordVersion? etcd, ResolutionTip tip, List<string> said)
    {
        if (etcd is null)
        {
            said.Add($"{record.Path} stays as it is (etcd never held it)");
            return [];
        }

        // Git holds records as canonical JSON: etcd's value is compared, and versioned, the same way.
        Record? current = null;
        if (stored.Data is { } data && (current = RecordJson.Parse(record, data.Value).Record) is null)
        {
            said.Add($"{record.Path}: etcd holds a value that is not a valid record; Git's is left as it is ('sigil drift' shows the difference)");
            return [];
        }

        var content = current?.Sha256 ?? RecordVersion.DeletedSha256;
        if (content == (tip.Record?.Sha256 ?? RecordVersion.DeletedSha256))
        {
            said.Add($"{record.Path} stays as it is (Git and etcd hold the same)");
            return [];
        }

        if (tip.Version is { } git && !etcd.Vector.Covers(git.Vector))
        {
            said.Add($"{record.Path} stays as etcd holds it; Git's newer change of it is applied as usual");
            return [];
        }

        said.Add($"{record.Path} in Git becomes what etcd holds (the winner)");
        return Write(record, current, etcd with { Sha256 = content });
    }

    private static IEnumerable<FileChange> Write(RecordPath record, Record? content, RecordVersion version) =>
    [
        new FileChange(record.Path, content is null ? null : RecordJson.ToYaml(content)),
        new FileChange(record.SidecarPath, SidecarFormat.Write(version, record.Path)),
    ];
}
