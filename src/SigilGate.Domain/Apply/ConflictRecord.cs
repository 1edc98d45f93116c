using SigilGate.Domain.Bookkeeping;
using SigilGate.Domain.Store;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Apply;

/// <summary>
/// A kept losing version, as stored under <c>&lt;prefix&gt;/.sigil/conflicts/</c>: the losing value
/// (as text, since a raw write need not be valid JSON), both versions, and where it came from.
/// </summary>
public sealed record ConflictRecord(string Key, string? Value, RecordVersion Loser, RecordVersion Winner, string Source, DateTimeOffset Detected)
{
    public string ToJson() => JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("detected", Detected.ToUniversalTime().ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("key", Key);
            writer.WritePropertyName("loser");
            VersionJson.WriteTo(writer, Loser);
            writer.WriteString("source", Source);
            if (Value is null) writer.WriteNull("value");
            else writer.WriteString("value", Value);
            writer.WritePropertyName("winner");
            VersionJson.WriteTo(writer, Winner);
            writer.WriteEndObject();
        });

    /// <summary>
    /// Reads a kept conflict as etcd holds it; a <see cref="BookkeepingException"/> naming the key
    /// when it is not one the suite wrote.
    /// </summary>
    public static ConflictRecord Parse(StoredValue kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        return BookkeepingJson.Read(kept.Key, kept.Value, BookkeepingRepair.Kept(kept.Key), record => new ConflictRecord(
            record.String("key"),
            record.OptionalString("value"),
            VersionJson.FromObject(record.Object("loser")),
            VersionJson.FromObject(record.Object("winner")),
            record.String("source"),
            record.Time("detected")));
    }
}
