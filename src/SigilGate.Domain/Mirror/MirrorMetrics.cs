using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SigilGate.Domain.Build;

namespace SigilGate.Domain.Mirror;

/// <summary>
/// The <c>sigil push --metrics-file</c> output: Prometheus text exposition format (version 0.0.4)
/// for node_exporter's textfile collector, one node per file, every series labelled with the node;
/// the first family names the build that wrote the file (<see cref="BuildInfoMetric"/>).
/// </summary>
public static partial class MirrorMetrics
{
    public const string LastSuccess = "sigil_push_last_success_timestamp_seconds";

    /// <param name="previous">The file the last run wrote (null when none): a failed run keeps its last success time.</param>
    public static string Render(MirrorRun run, string? previous, BuildInfo build)
    {
        ArgumentNullException.ThrowIfNull(run);
        var node = $"node=\"{run.Node}\"";
        var report = run.Report;
        var succeeded = run.Succeeded ? run.StartedAt.ToUnixTimeSeconds() : LastSuccessIn(previous, run.Node) ?? 0;
        var text = new StringBuilder();
        BuildInfoMetric.AppendTo(text, build);
        Gauge(text, "sigil_push_last_run_timestamp_seconds", "When the node's last sigil push started, in Unix seconds.", node, run.StartedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        Gauge(text, LastSuccess, "When the node's last successful sigil push (exit 0) started, in Unix seconds (0 when none is known).", node, succeeded.ToString(CultureInfo.InvariantCulture));
        Gauge(text, "sigil_push_duration_seconds", "How long the node's last sigil push took, in seconds.", node, run.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        Gauge(text, "sigil_push_records_mirrored", "Records the node's last sigil push committed and pushed (0 unless it pushed).", node, (report is { Result: MirrorResult.Pushed } ? report.Pushed.Count() : 0).ToString(CultureInfo.InvariantCulture));
        Gauge(text, "sigil_push_kept_conflicts", "Conflicts the node's last sigil push decided, each keeping its losing version (0 unless it pushed).", node, (report is { Result: MirrorResult.Pushed } ? report.KeptConflicts : 0).ToString(CultureInfo.InvariantCulture));
        Family(text, "sigil_push_result", "The result of the node's last sigil push: 1 for the one it had, 0 for the others.");
        foreach (var result in MirrorResults.MetricNames)
        {
            text.Append("sigil_push_result{").Append(node).Append(",result=\"").Append(result).Append("\"} ").Append(result == run.ResultName ? '1' : '0').Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The last success time a metrics file of this node records, if it is readable.</summary>
    public static long? LastSuccessIn(string? previous, string node)
    {
        if (previous is null) return null;
        foreach (Match match in LastSuccessLine().Matches(previous))
        {
            if (match.Groups["node"].Value == node && long.TryParse(match.Groups["value"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return seconds;
        }

        return null;
    }

    private static void Gauge(StringBuilder text, string name, string help, string labels, string value)
    {
        Family(text, name, help);
        text.Append(name).Append('{').Append(labels).Append("} ").Append(value).Append('\n');
    }

    private static void Family(StringBuilder text, string name, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(" gauge\n");

    [GeneratedRegex("""^sigil_push_last_success_timestamp_seconds\{node="(?<node>[^"]*)"\} (?<value>[0-9]+)$""", RegexOptions.Multiline)]
    private static partial Regex LastSuccessLine();
}
