using System.Text.Json;
using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Apply;

/// <summary>The <c>--json</c> output of <c>sigil apply</c>, one document on one line; documented in docs/commands.md.</summary>
public static class ApplyJson
{
    /// <summary>The document's first field, <c>"schema": 1</c>, numbered as <c>sigil drift --json</c>'s is: it grows only when a field is removed, renamed or changes meaning.</summary>
    public const int Schema = 1;

    /// <param name="tip">The branch tip etcd now holds (null: the branch has no commit yet).</param>
    /// <param name="steps">The commits applied by this run, oldest first (none when etcd already held the tip).</param>
    public static string Write(KeyLayout keys, string branch, string? tip, IReadOnlyList<StepReport> steps) => JsonOutput.Write(writer =>
        {
            ArgumentNullException.ThrowIfNull(keys);
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteString("prefix", keys.Prefix);
            writer.WriteString("branch", branch);
            JsonOutput.WriteStringOrNull(writer, "tip", tip);
            writer.WriteStartArray("steps");
            foreach (var step in steps) WriteStep(writer, step, keys);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteStep(Utf8JsonWriter writer, StepReport step, KeyLayout keys)
    {
        writer.WriteStartObject();
        writer.WriteString("commit", step.Commit.Sha);
        writer.WriteString("subject", step.Commit.Subject);
        writer.WriteNumber("etcd_revision", step.Revision);
        writer.WriteStartObject("counts");
        writer.WriteNumber("put", step.KeysPut.Count);
        writer.WriteNumber("deleted", step.KeysDeleted.Count);
        writer.WriteNumber("conflicts", step.Conflicts.Count);
        writer.WriteEndObject();
        writer.WriteStartArray("conflicts");
        foreach (var conflict in step.Conflicts) WriteConflict(writer, conflict, keys);
        writer.WriteEndArray();
        writer.WriteStartArray("skipped");
        foreach (var path in step.Skipped) writer.WriteStringValue(path);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A kept conflict: which side won, both versions, and where the losing value is kept.</summary>
    private static void WriteConflict(Utf8JsonWriter writer, RecordOutcome conflict, KeyLayout keys)
    {
        writer.WriteStartObject();
        writer.WriteString("path", conflict.Target.Path.Path);
        writer.WriteString("key", keys.Data(conflict.Target.Path.KeySuffix));
        writer.WriteString("winner", conflict.Kind == OutcomeKind.ConflictGitWon ? Writers.Git : Writers.Etcd);
        VersionJson.WriteField(writer, "git_version", conflict.Target.Version);
        VersionJson.WriteField(writer, "etcd_version", conflict.EtcdVersion);
        JsonOutput.WriteStringOrNull(writer, "kept_at", conflict.KeptAt);
        writer.WriteEndObject();
    }
}
