namespace SigilGate.Domain.Drift;

/// <summary>
/// The human output of <c>sigil drift</c>: one line per difference
/// (<c>nodes/entry/e-7.yaml: changed-in-etcd (for 5m)</c>, then what else there is to know), then a summary.
/// </summary>
public static class DriftText
{
    public static string Line(AgedDifference aged)
    {
        var d = aged.Difference;
        // The apply pointer is the branch's, so its line names the branch.
        var subject = d.Kind == DriftKind.ApplyPending ? d.LedgerSuffix : d.Subject;
        var line = $"{subject}: {DriftKinds.Name(d.Kind)} (for {AgeText.Format(aged.AgeSeconds)})";
        if (d.Kind == DriftKind.ApplyPending) return line + $", since commit {Short(d.PendingCommit)}, {Plural(d.CommitsBehind, "commit")} behind";
        if (d.Kind == DriftKind.ConflictLoser) return line + $", kept at {d.Key}" + (d.Source is null ? "" : $" (from {d.Source})");
        if (d.Kind == DriftKind.PendingNodeWrite) line += $", waiting for {d.Core}'s sigil push";
        if (d.CoveredByPendingApply) line += ", covered by the pending apply";
        return line;
    }

    public static string Summary(DriftReport report)
    {
        var snapshot = report.Snapshot;
        var git = snapshot.Git;
        var where = git.Tip is null ? $"{git.Branch} (no commits)" : $"{git.Branch} at {git.Tip.ShortSha}";
        if (report.InSync) return $"sigil: in sync: etcd {snapshot.Keys.Prefix} holds {where} ({Plural(report.GitRecords, "record")})";

        var counts = DriftKinds.All.Select(k => (Kind: k, Count: report.Count(k))).Where(c => c.Count > 0).Select(c => $"{c.Count} {DriftKinds.Name(c.Kind)}");
        return $"sigil: drift: {Plural(report.Differences.Count, "difference")} between etcd {snapshot.Keys.Prefix} and {where} ({string.Join(", ", counts)}); the oldest for {AgeText.Format(report.OldestAgeSeconds)}";
    }

    public static IEnumerable<string> Lines(DriftReport report) => report.Differences.Select(Line).Append(Summary(report));

    private static string Short(string? sha) => sha is null ? "?" : sha[..Math.Min(7, sha.Length)];

    private static string Plural(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
