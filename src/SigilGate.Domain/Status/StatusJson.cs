using System.Text.Json;
using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Status;

/// <summary>The <c>--json</c> output of <c>sigil status</c>, one document on one line; documented in docs/status.md.</summary>
public static class StatusJson
{
    /// <summary>The document's first field, <c>"schema": 1</c>; it grows only when a field is removed, renamed or changes meaning.</summary>
    public const int Schema = 1;

    public static string Write(StatusReport report) => JsonOutput.Write(writer =>
        {
            ArgumentNullException.ThrowIfNull(report);
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteBoolean("ok", report.Ok);
            writer.WriteStartArray("attention");
            foreach (var reason in report.Attention) writer.WriteStringValue(reason);
            writer.WriteEndArray();
            writer.WriteString("checked_at", Timestamps.Format(report.Now));
            writer.WriteString("prefix", report.Prefix);
            writer.WriteString("branch", report.Branch);
            writer.WritePropertyName("tip");
            if (report.Tip is { } tip) WriteCommit(writer, tip.Sha, tip.CommitterTime);
            else writer.WriteNullValue();
            WriteApplied(writer, report.Drift);
            WriteEtcd(writer, report);
            WriteDrift(writer, report.Drift);
            WriteConflicts(writer, report.Kept, report.Now);
            WriteMirrors(writer, report);
            writer.WriteEndObject();
        });

    private static void WriteApplied(Utf8JsonWriter writer, DriftReport? drift)
    {
        writer.WritePropertyName("applied");
        if (drift?.Snapshot.Lag is not { Pointer.Commit: { } commit } lag) writer.WriteNullValue();
        else
        {
            writer.WriteStartObject();
            writer.WriteString("commit", commit);
            writer.WriteNumber("revision", lag.Pointer.ModRevision);
            if (lag.Pointer.Time is { } time) writer.WriteString("time", Timestamps.Format(time));
            else writer.WriteNull("time");
            writer.WriteBoolean("is_tip", !lag.IsPending);
            writer.WriteEndObject();
        }

        // Null when etcd was not read: unknown is not "none". The count and the oldest only: a
        // repository never applied has its whole history pending.
        writer.WritePropertyName("pending");
        if (drift is null) writer.WriteNullValue();
        else
        {
            var pending = drift.Snapshot.Lag.Pending;
            writer.WriteStartObject();
            writer.WriteNumber("count", pending.Count);
            writer.WritePropertyName("oldest");
            if (pending.Count == 0) writer.WriteNullValue();
            else WriteCommit(writer, pending[0].Sha, pending[0].CommitterTime);
            writer.WriteEndObject();
        }
    }

    private static void WriteEtcd(Utf8JsonWriter writer, StatusReport report)
    {
        writer.WriteStartObject("etcd");
        writer.WriteBoolean("reachable", report.Cluster is not null);
        if (report.EtcdProblem is { } problem) writer.WriteString("error", problem.Message);
        else writer.WriteNull("error");
        writer.WriteStartArray("members");
        foreach (var member in report.Cluster?.Members ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("name", member.Label);
            writer.WriteStartArray("client_urls");
            foreach (var url in member.ClientUrls) writer.WriteStringValue(url);
            writer.WriteEndArray();
            writer.WriteBoolean("leader", member.Id == report.Cluster!.LeaderId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Cluster?.Leader is { } leader) writer.WriteString("leader", leader.Label);
        else writer.WriteNull("leader");
        writer.WriteEndObject();
    }

    private static void WriteDrift(Utf8JsonWriter writer, DriftReport? drift)
    {
        writer.WritePropertyName("drift");
        if (drift is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("count", drift.Differences.Count);
        writer.WriteNumber("oldest_age_seconds", drift.OldestAgeSeconds);
        writer.WriteStartObject("counts");
        foreach (var kind in DriftKinds.All) writer.WriteNumber(DriftKinds.Name(kind), drift.Count(kind));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteConflicts(Utf8JsonWriter writer, IReadOnlyList<KeptConflict>? kept, DateTimeOffset now)
    {
        writer.WritePropertyName("conflicts");
        if (kept is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("count", kept.Count);
        writer.WriteStartArray("areas");
        foreach (var area in ConflictText.Grouped(kept))
        {
            writer.WriteStartObject();
            writer.WriteString("area", area.Key);
            writer.WriteNumber("count", area.Count());
            writer.WriteNumber("oldest_age_seconds", area.Max(c => c.AgeSeconds(now)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMirrors(Utf8JsonWriter writer, StatusReport report)
    {
        var mirrors = report.Mirrors;
        writer.WriteStartObject("mirrors");
        writer.WriteNumber("commits_searched", mirrors.CommitsSearched);
        writer.WriteBoolean("complete", mirrors.Complete);
        writer.WriteStartArray("cores");
        foreach (var core in mirrors.Cores)
        {
            writer.WriteStartObject();
            writer.WriteString("node", core.Node);
            writer.WritePropertyName("last_mirror");
            if (core.Last is not { } last) writer.WriteNullValue();
            else
            {
                writer.WriteStartObject();
                writer.WriteString("commit", last.Sha);
                writer.WriteString("time", Timestamps.Format(last.CommitterTime));
                writer.WriteNumber("age_seconds", core.AgeSeconds(report.Now));
                if (core.EtcdRevision is { } revision) writer.WriteNumber("etcd_revision", revision);
                else writer.WriteNull("etcd_revision");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCommit(Utf8JsonWriter writer, string sha, DateTimeOffset time)
    {
        writer.WriteStartObject();
        writer.WriteString("commit", sha);
        writer.WriteString("time", Timestamps.Format(time));
        writer.WriteEndObject();
    }
}
