using SigilGate.Domain.Drift;
using SigilGate.Domain.Records;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Conflicts;

/// <summary>The message of a commit that records a decision about kept losers: who, when, which version won and which was discarded.</summary>
public static class ResolutionMessage
{
    public const string DecidedByTrailer = "Sigil-Decided-By";

    public static string Build(RecordPath record, ResolutionChoice choice, IReadOnlyList<KeptConflict> chosen, RecordVersion? etcd, IReadOnlyList<string> said, string identity, DateTimeOffset now, IReadOnlyList<ConflictResolution> resolutions)
    {
        var lines = new List<string>
        {
            $"{record.Path}: conflict resolved, {(choice == ResolutionChoice.KeepWinner ? "winner kept" : "loser taken")}",
            "",
        };
        var current = etcd is null ? "nothing (etcd never held the record)" : $"{etcd.Writer}'s version of {Timestamps.Format(etcd.Time)} (sha256 {etcd.Sha256[..16]}), as etcd held it";
        foreach (var loser in chosen)
        {
            var version = $"{loser.Record.Loser.Writer}'s version of {Timestamps.Format(loser.Record.Loser.Time)} (sha256 {loser.Record.Loser.Sha256[..16]}, from {loser.Record.Source})";
            lines.Add(choice == ResolutionChoice.KeepWinner
                ? $"- discarded the kept loser {loser.LoserId}: {version}; kept {current}"
                : $"- took the kept loser {loser.LoserId}: {version}; discarded {current}");
        }

        lines.AddRange(said.Select(line => "- " + line));
        lines.Add($"Decided by {identity} at {Timestamps.Format(now)} with 'sigil conflicts resolve'.");
        lines.Add("");
        lines.AddRange(resolutions.Select(r => r.TrailerLine));
        lines.Add($"{DecidedByTrailer}: {identity}");
        return string.Join('\n', lines) + "\n";
    }
}
