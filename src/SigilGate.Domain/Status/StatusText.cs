using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Status;

/// <summary>
/// The lines of <c>sigil status</c>: one fact per line, labels aligned, the verdict last; documented
/// in docs/status.md. Details are left to the commands that list them (drift, conflicts).
/// </summary>
public static class StatusText
{
    private const string Unknown = "unknown (etcd not read)";

    public static IReadOnlyList<string> Lines(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var facts = new List<(string Label, string Text)>
        {
            ("branch", Branch(report)),
            ("applied", report.Drift is { } d ? Applied(d.Snapshot.Lag) : Unknown),
            ("pending", report.Drift is { } p ? Pending(p.Snapshot.Lag, report.Now) : Unknown),
            ("etcd", Etcd(report)),
            ("drift", report.Drift is { } drift ? Drift(drift) : Unknown),
            ("conflicts", report.Kept is { } kept ? Conflicts(kept, report.Now) : Unknown),
        };
        facts.AddRange(Mirrors(report));
        facts.Add(("status", report.Ok ? "ok (etcd holds the tip; nothing pending, drifting or kept)" : $"needs attention ({string.Join(", ", report.Attention)})"));

        var width = facts.Max(f => f.Label.Length) + 2;
        return facts.Select(f => (f.Label + ":").PadRight(width) + f.Text).ToList();
    }

    private static string Branch(StatusReport report) =>
        report.Tip is { } tip ? $"{report.Branch} at {tip.ShortSha}, committed {Timestamps.Format(tip.CommitterTime)}" : $"{report.Branch} (no commits)";

    private static string Applied(ApplyLag lag)
    {
        var pointer = lag.Pointer;
        if (pointer.Commit is null) return "nothing yet";
        var at = $"{pointer.Commit[..7]} at etcd revision {pointer.ModRevision}{(pointer.Time is { } time ? ", " + Timestamps.Format(time) : "")}";
        if (lag.AppliedCommit is null) return at + " (not a commit of this repository)";
        if (!lag.IsPending) return at + " (the tip)";
        return lag.Covered is null ? at + " (not in the branch's history: history was rewritten)" : at + $" ({StatusReport.Counted(lag.Pending.Count, "commit")} behind the tip)";
    }

    private static string Pending(ApplyLag lag, DateTimeOffset now)
    {
        if (!lag.IsPending) return "none";
        var oldest = lag.Pending[0];
        return $"{StatusReport.Counted(lag.Pending.Count, "commit")}, the oldest {oldest.ShortSha} committed {AgeText.Format(Age(now, oldest.CommitterTime))} ago ('sigil apply --repo BARE' applies {(lag.Pending.Count == 1 ? "it" : "them")})";
    }

    private static string Etcd(StatusReport report)
    {
        if (report.EtcdProblem is { } problem) return (problem.Unreachable ? "unreachable: " : "cannot be read: ") + problem.Message;
        if (report.Cluster is not { } cluster) return "unknown";
        var members = $"{StatusReport.Counted(cluster.Members.Count, "member")} ({string.Join(", ", cluster.Members.Select(m => m.Label))})";
        return cluster.Leader is { } leader
            ? $"{members}, leader {leader.Label}{(leader.ClientUrls.Count > 0 ? $" ({string.Join(", ", leader.ClientUrls)})" : "")}"
            : $"{members}, no leader (is a majority of the members up?)";
    }

    private static string Drift(DriftReport drift)
    {
        if (drift.InSync) return "none";
        var counts = DriftKinds.All.Select(k => (Kind: k, Count: drift.Count(k))).Where(c => c.Count > 0).Select(c => $"{c.Count} {DriftKinds.Name(c.Kind)}");
        return $"{StatusReport.Counted(drift.Differences.Count, "difference")} ({string.Join(", ", counts)}), the oldest for {AgeText.Format(drift.OldestAgeSeconds)} ('sigil drift --repo BARE' lists them)";
    }

    private static string Conflicts(IReadOnlyList<KeptConflict> kept, DateTimeOffset now)
    {
        if (kept.Count == 0) return "none";
        var areas = ConflictText.Grouped(kept).Select(a => $"{a.Key}: {a.Count()}");
        var oldest = kept.Max(c => c.AgeSeconds(now));
        return $"{kept.Count} kept ({string.Join(", ", areas)}), the oldest {AgeText.Format(oldest)} old ('sigil conflicts list --repo BARE' lists them)";
    }

    private static IEnumerable<(string, string)> Mirrors(StatusReport report)
    {
        var mirrors = report.Mirrors;
        if (mirrors.Cores.Count == 0) return [("mirrors", "no Core nodes at the tip")];
        return mirrors.Cores.Select(core => ($"mirror {core.Node}", core.Last is { } last
            ? $"{AgeText.Format(core.AgeSeconds(report.Now))} ago, {Timestamps.Format(last.CommitterTime)}, commit {last.ShortSha}{(core.EtcdRevision is { } revision ? $" (etcd revision {revision})" : "")}"
            : mirrors.Complete ? "never" : $"none in the last {mirrors.CommitsSearched} commits"));
    }

    private static long Age(DateTimeOffset now, DateTimeOffset time) => Math.Max(0, (long)(now - time).TotalSeconds);
}
