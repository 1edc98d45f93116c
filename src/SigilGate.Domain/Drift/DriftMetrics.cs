using System.Globalization;
using System.Text;
using SigilGate.Domain.Build;
using SigilGate.Domain.Records;

namespace SigilGate.Domain.Drift;

/// <summary>
/// The <c>--metrics-file</c> output: Prometheus text exposition format (version 0.0.4), for
/// node_exporter's textfile collector. Every family has HELP and TYPE lines; every kind is listed, 0 included;
/// the first family names the build that wrote the file (<see cref="BuildInfoMetric"/>).
/// </summary>
public static class DriftMetrics
{
    public static string Render(DriftReport report, BuildInfo build)
    {
        var snapshot = report.Snapshot;
        var text = new StringBuilder();
        BuildInfoMetric.AppendTo(text, build);
        Gauge(text, "sigil_up", "1 when the last drift check read etcd and the repository, 0 when it could not.", 1);
        Family(text, "sigil_drift_keys", "Differences between etcd and the branch tip, by kind.");
        foreach (var kind in DriftKinds.All)
        {
            if (kind == DriftKind.PendingNodeWrite) PendingByNode(text, report);
            else Sample(text, $"sigil_drift_keys{{kind=\"{DriftKinds.Name(kind)}\"}}", report.Count(kind));
        }

        Gauge(text, "sigil_drift_oldest_age_seconds", "How long the oldest difference has existed, in seconds (0 when in sync).", report.OldestAgeSeconds);
        Gauge(text, "sigil_last_applied_commit_timestamp_seconds", "Committer time of the last commit applied to etcd, in Unix seconds (0 when none is known).", snapshot.Lag.AppliedCommit?.CommitterTime.ToUnixTimeSeconds() ?? 0);
        Gauge(text, "sigil_apply_lag_commits", "Commits of the branch not yet applied to etcd.", snapshot.Lag.Pending.Count);
        Gauge(text, "sigil_conflicts_pending", "Losing versions kept under the prefix's .sigil/conflicts/, waiting for a person.", report.Count(DriftKind.ConflictLoser));
        KeptByArea(text, report);
        LastRun(text, report.CheckedAt);
        return text.ToString();
    }

    /// <summary>What is known when etcd or the repository could not be read: only that.</summary>
    public static string RenderDown(DateTimeOffset now, BuildInfo build)
    {
        var text = new StringBuilder();
        BuildInfoMetric.AppendTo(text, build);
        Gauge(text, "sigil_up", "1 when the last drift check read etcd and the repository, 0 when it could not.", 0);
        LastRun(text, now);
        return text.ToString();
    }

    /// <summary>
    /// One series per Core node with changes waiting for its <c>sigil push</c>, labelled with the node,
    /// so an alert can name it; without any, one 0 series (no node label) keeps the kind listed.
    /// </summary>
    private static void PendingByNode(StringBuilder text, DriftReport report)
    {
        var name = DriftKinds.Name(DriftKind.PendingNodeWrite);
        var byNode = report.Differences.Where(d => d.Difference.Kind == DriftKind.PendingNodeWrite)
            .GroupBy(d => d.Difference.Core ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (byNode.Count == 0) Sample(text, $"sigil_drift_keys{{kind=\"{name}\"}}", 0);
        foreach (var node in byNode) Sample(text, $"sigil_drift_keys{{kind=\"{name}\",node=\"{node.Key}\"}}", node.Count());
    }

    /// <summary>
    /// Kept losers by area (a Core node's <c>state/&lt;core&gt;/</c>, or <c>git</c>) and the age of each
    /// area's oldest, so an alert can name who is to decide; without any, one 0 series of each (no area label).
    /// </summary>
    private static void KeptByArea(StringBuilder text, DriftReport report)
    {
        var byArea = report.Differences.Where(d => d.Difference.Kind == DriftKind.ConflictLoser)
            .GroupBy(d => d.Difference.Path is { } path ? RecordPath.Parse(path).Area : RecordPath.GitArea, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        Family(text, "sigil_conflicts_kept", "Kept conflict losers by area (a Core node's state/<core>/, or git), waiting for 'sigil conflicts resolve'.");
        if (byArea.Count == 0) Sample(text, "sigil_conflicts_kept", 0);
        foreach (var area in byArea) Sample(text, $"sigil_conflicts_kept{{area=\"{area.Key}\"}}", area.Count());
        Family(text, "sigil_conflicts_oldest_age_seconds", "Age of the oldest kept conflict loser of each area, in seconds, from when it was kept.");
        if (byArea.Count == 0) Sample(text, "sigil_conflicts_oldest_age_seconds", 0);
        foreach (var area in byArea) Sample(text, $"sigil_conflicts_oldest_age_seconds{{area=\"{area.Key}\"}}", area.Max(d => d.AgeSeconds));
    }

    private static void LastRun(StringBuilder text, DateTimeOffset now) =>
        Gauge(text, "sigil_drift_last_run_timestamp_seconds", "When the last drift check ran, in Unix seconds.", now.ToUnixTimeSeconds());

    private static void Gauge(StringBuilder text, string name, string help, long value)
    {
        Family(text, name, help);
        Sample(text, name, value);
    }

    private static void Family(StringBuilder text, string name, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(" gauge\n");

    private static void Sample(StringBuilder text, string series, long value) =>
        text.Append(series).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
