using System.Text.Json;
using SigilGate.Domain.Versioning;

namespace SigilGate.Domain.Bookkeeping;

/// <summary>
/// The JSON form of a version, as etcd keeps it under <c>&lt;prefix&gt;/.sigil/versions/</c>:
/// <c>{"sha256":"…","time":"…","vector":{"core-1":4,"git":1732400000},"writer":"git"}</c>.
/// </summary>
public static class VersionJson
{
    public static string Write(RecordVersion version) => JsonOutput.Write(writer => WriteTo(writer, version));

    public static void WriteTo(Utf8JsonWriter writer, RecordVersion version)
    {
        writer.WriteStartObject();
        writer.WriteString("sha256", version.Sha256);
        writer.WriteString("time", version.Time.ToUniversalTime().ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteStartObject("vector");
        foreach (var (name, counter) in version.Vector.Counters) writer.WriteNumber(name, counter);
        writer.WriteEndObject();
        writer.WriteString("writer", version.Writer);
        writer.WriteEndObject();
    }

    /// <summary>A named field holding a version, or null (the console's JSON outputs: a side that holds none).</summary>
    public static void WriteField(Utf8JsonWriter writer, string name, RecordVersion? version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        if (version is null) writer.WriteNullValue();
        else WriteTo(writer, version);
    }

    /// <summary>
    /// Reads the version key <paramref name="key"/>; a <see cref="BookkeepingException"/> naming it
    /// when the value is not a version the suite wrote (a wrong shape, a counter out of range).
    /// </summary>
    public static RecordVersion Parse(string key, string json) =>
        BookkeepingJson.Read(key, json, BookkeepingRepair.Rewrite(key), FromObject);

    /// <summary>
    /// Throws what <see cref="Parse"/> throws for the version key <paramref name="key"/>, without
    /// building the version: the check of every version key of a prefix (<c>sigil drift</c>, 100,000
    /// of them) builds nothing it does not keep.
    /// </summary>
    public static void Verify(string key, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (CanonicalVersionText.IsValid(json)) return;
        BookkeepingJson.Read(key, json, BookkeepingRepair.Rewrite(key), value => Fields(value).Sha);
    }

    /// <summary>Parses a version; null when the text is not one.</summary>
    public static RecordVersion? TryParse(string json)
    {
        try
        {
            return Parse("version", json);
        }
        catch (BookkeepingException)
        {
            return null;
        }
    }

    /// <summary>A version as an object of a bookkeeping value (a version key, or a kept conflict's loser and winner).</summary>
    public static RecordVersion FromObject(BookkeepingObject value)
    {
        var (sha, writer, time, counters) = Fields(value);
        return new RecordVersion(VersionVector.From(counters), writer, time, sha);
    }

    private static (string Sha, string Writer, DateTimeOffset Time, IReadOnlyList<KeyValuePair<string, long>> Counters) Fields(BookkeepingObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sha = value.String("sha256");
        if (sha.Length != 64 || !Records.LowercaseHex.IsAll(sha)) throw value.Fail($"{value.Field("sha256")} must be 64 lowercase hexadecimal digits");
        var writer = value.String("writer");
        if (!Records.RecordPath.IsValidId(writer)) throw value.Fail($"{value.Field("writer")} must be a writer id, got {Yaml.MessageText.Quote(writer)}");
        var time = value.Time("time");
        var counters = value.Object("vector").Counters();
        if (counters.FirstOrDefault(c => !Records.RecordPath.IsValidId(c.Key)) is { Key: { } badWriter }) throw value.Fail($"{value.Field("vector")} names writer {Yaml.MessageText.Quote(badWriter)}, which is not a writer id");
        return (sha, writer, time, counters);
    }
}
