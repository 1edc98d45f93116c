using SigilGate.Domain.Drift;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Conflicts;

/// <summary>The <c>--json</c> output of <c>sigil conflicts list</c>, one document on one line; documented in docs/conflicts.md.</summary>
public static class ConflictJson
{
    /// <summary>The document's first field, <c>"schema": 1</c>; it grows only when a field is removed, renamed or changes meaning.</summary>
    public const int Schema = 1;

    public static string List(IReadOnlyList<KeptConflict> kept, DateTimeOffset now) => JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteString("checked_at", Timestamps.Format(now));
            writer.WriteNumber("count", kept.Count);
            writer.WriteStartArray("areas");
            foreach (var area in ConflictText.Grouped(kept))
            {
                writer.WriteStartObject();
                writer.WriteString("area", area.Key);
                writer.WriteStartArray("conflicts");
                foreach (var conflict in area)
                {
                    var record = conflict.Record;
                    writer.WriteStartObject();
                    writer.WriteString("path", conflict.RecordPath);
                    writer.WriteString("key", conflict.StoreKey);
                    writer.WriteString("record_key", record.Key);
                    writer.WriteString("detected", Timestamps.Format(record.Detected));
                    writer.WriteNumber("age_seconds", conflict.AgeSeconds(now));
                    writer.WriteString("loser_writer", record.Loser.Writer);
                    writer.WriteString("winner_writer", record.Winner.Writer);
                    writer.WriteString("source", record.Source);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
