using System.Text.Json;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Drift;

/// <summary>The <c>--json</c> output of <c>sigil drift</c>, one document on one line; documented in docs/drift.md.</summary>
public static class DriftJson
{
    /// <summary>
    /// The document's first field, <c>"schema": 1</c>. Fields may be added under the same number; it grows
    /// only when a field is removed, renamed or changes meaning, so a reader can refuse what it does not know.
    /// </summary>
    public const int Schema = 1;

    public static string Write(DriftReport report) => JsonOutput.Write(writer =>
        {
            var snapshot = report.Snapshot;
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteBoolean("in_sync", report.InSync);
            writer.WriteString("checked_at", Timestamps.Format(report.CheckedAt));
            writer.WriteString("prefix", snapshot.Keys.Prefix);
            writer.WriteString("branch", snapshot.Git.Branch);
            JsonOutput.WriteStringOrNull(writer, "tip", snapshot.Git.Tip?.Sha);
            JsonOutput.WriteStringOrNull(writer, "applied", snapshot.Lag.Pointer.Commit);
            writer.WriteNumber("apply_lag_commits", snapshot.Lag.Pending.Count);
            writer.WriteNumber("etcd_revision", snapshot.Revision);
            writer.WriteBoolean("ages_recorded", report.LedgerProblem is null);
            writer.WriteNumber("oldest_age_seconds", report.OldestAgeSeconds);
            writer.WriteStartObject("counts");
            foreach (var kind in DriftKinds.All) writer.WriteNumber(DriftKinds.Name(kind), report.Count(kind));
            writer.WriteEndObject();
            writer.WriteStartArray("differences");
            foreach (var aged in report.Differences) WriteDifference(writer, aged);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteDifference(Utf8JsonWriter writer, AgedDifference aged)
    {
        var d = aged.Difference;
        writer.WriteStartObject();
        writer.WriteString("kind", DriftKinds.Name(d.Kind));
        JsonOutput.WriteStringOrNull(writer, "path", d.Path);
        writer.WriteString("key", d.Key);
        writer.WriteString("first_seen", Timestamps.Format(aged.FirstSeen));
        writer.WriteNumber("age_seconds", aged.AgeSeconds);
        writer.WriteBoolean("covered_by_pending_apply", d.CoveredByPendingApply);
        VersionJson.WriteField(writer, "git_version", d.GitVersion);
        VersionJson.WriteField(writer, "etcd_version", d.EtcdVersion);
        if (d.Kind == DriftKind.PendingNodeWrite) writer.WriteString("core", d.Core);
        if (d.Kind == DriftKind.ConflictLoser) JsonOutput.WriteStringOrNull(writer, "source", d.Source);
        if (d.Kind == DriftKind.ApplyPending)
        {
            writer.WriteString("commit", d.PendingCommit);
            writer.WriteNumber("commits_behind", d.CommitsBehind);
        }

        writer.WriteEndObject();
    }
}
