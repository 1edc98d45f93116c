using System.Text.Json;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Drift;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Reconcile;

/// <summary>The <c>--json</c> output of <c>sigil reconcile</c>, one document on one line; documented in docs/drift.md.</summary>
public static class ReconcileJson
{
    /// <summary>The document's first field, <c>"schema": 1</c>, numbered as <c>sigil drift --json</c>'s is (see <see cref="DriftJson.Schema"/>).</summary>
    public const int Schema = 1;

    /// <param name="result">A reconcile that ended with a plan: done, nothing to do, or a dry run.</param>
    /// <param name="attempts">How many plans were made (more than one only when etcd changed under the reconcile).</param>
    public static string Write(ReconcileResult result, bool dryRun, int attempts) => JsonOutput.Write(writer =>
        {
            ArgumentNullException.ThrowIfNull(result);
            var plan = result.Plan ?? throw new ArgumentException("a reconcile without a plan has no JSON output", nameof(result));
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteBoolean("dry_run", dryRun);
            writer.WriteString("outcome", OutcomeName(result.Outcome));
            writer.WriteString("prefix", plan.Snapshot.Keys.Prefix);
            writer.WriteString("branch", plan.Snapshot.Git.Branch);
            writer.WriteString("tip", plan.Tip.Sha);
            writer.WriteNumber("etcd_revision", result.Revision);
            writer.WriteNumber("attempts", attempts);
            writer.WriteStartObject("counts");
            writer.WriteNumber("put", plan.Puts);
            writer.WriteNumber("deleted", plan.Deletes);
            writer.WriteNumber("kept", plan.Kept);
            writer.WriteNumber("left_alone", plan.LeftAlone.Count);
            writer.WriteEndObject();
            writer.WriteStartArray("changes");
            foreach (var action in plan.Changes) WriteChange(writer, action);
            writer.WriteEndArray();
            writer.WriteStartArray("left_alone");
            foreach (var action in plan.LeftAlone) WriteLeftAlone(writer, action.Difference);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static string OutcomeName(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.Done => "done",
        ReconcileOutcome.NothingToDo => "nothing-to-do",
        ReconcileOutcome.DryRun => "dry-run",
        ReconcileOutcome.MassDeleteRefused => "mass-delete-refused",
        _ => "no-branch",
    };

    /// <summary>A put or delete: the key, Git's value (a put), the version written, and where etcd's overwritten value is kept.</summary>
    private static void WriteChange(Utf8JsonWriter writer, ReconcileAction action)
    {
        var d = action.Difference;
        writer.WriteStartObject();
        writer.WriteString("action", action.Kind == ReconcileActionKind.Put ? "put" : "delete");
        writer.WriteString("key", action.Key);
        JsonOutput.WriteStringOrNull(writer, "path", d.Path);
        writer.WriteString("kind", DriftKinds.Name(d.Kind));
        if (action.Json is not null)
        {
            // The record's JSON as Git holds it, embedded as it is (the suite wrote it, so it is valid JSON).
            writer.WritePropertyName("value");
            writer.WriteRawValue(action.Json);
        }

        VersionJson.WriteField(writer, "version", action.Written);
        JsonOutput.WriteStringOrNull(writer, "kept_at", action.KeptAt);
        writer.WriteEndObject();
    }

    /// <summary>A Core node's change not yet mirrored to Git, left as etcd holds it (without --force).</summary>
    private static void WriteLeftAlone(Utf8JsonWriter writer, Difference d)
    {
        writer.WriteStartObject();
        writer.WriteString("key", d.Key);
        JsonOutput.WriteStringOrNull(writer, "path", d.Path);
        JsonOutput.WriteStringOrNull(writer, "core", d.Core);
        VersionJson.WriteField(writer, "git_version", d.GitVersion);
        VersionJson.WriteField(writer, "etcd_version", d.EtcdVersion);
        writer.WriteEndObject();
    }
}
