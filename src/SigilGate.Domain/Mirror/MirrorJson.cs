using System.Globalization;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Mirror;

/// <summary>The <c>--json</c> output of <c>sigil push</c>, one document on one line; documented in docs/node-pusher.md.</summary>
public static class MirrorJson
{
    /// <summary>The document's first field, <c>"schema": 1</c>, numbered as <c>sigil drift --json</c>'s is (see <see cref="DriftJson.Schema"/>).</summary>
    public const int Schema = 1;

    public static string Write(MirrorRun run, bool dryRun) => JsonOutput.Write(writer =>
    {
        ArgumentNullException.ThrowIfNull(run);
        var report = run.Report;
        writer.WriteStartObject();
        writer.WriteNumber("schema", Schema);
        writer.WriteString("node", run.Node);
        writer.WriteString("result", run.ResultName);
        writer.WriteBoolean("dry_run", dryRun);
        writer.WriteString("started_at", Timestamps.Format(run.StartedAt));
        writer.WritePropertyName("duration_seconds");
        writer.WriteRawValue(run.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        if (report is null) writer.WriteNull("etcd_revision");
        else writer.WriteNumber("etcd_revision", report.Revision);
        if (report?.Commit is null) writer.WriteNull("commit");
        else writer.WriteString("commit", report.Commit);
        writer.WriteNumber("attempts", report?.Attempts ?? 0);
        writer.WriteNumber("kept_conflicts", report?.KeptConflicts ?? 0);
        writer.WriteStartArray("records");
        foreach (var outcome in report?.Pushed ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("path", outcome.Path.Path);
            writer.WriteString("change", MirrorChanges.Name(MirrorChanges.Of(outcome)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("problems");
        foreach (var problem in report?.Problems ?? []) writer.WriteStringValue(problem.ToString());
        writer.WriteEndArray();
        if (report?.CommitMessage is { } message) writer.WriteString("commit_message", message);
        writer.WriteEndObject();
    });
}
