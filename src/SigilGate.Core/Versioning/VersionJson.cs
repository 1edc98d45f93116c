using System.Text.Json;

namespace SigilGate.Core.Versioning;

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

    /// <summary>Parses a version; null when the text is not one (a bookkeeping key damaged by hand).</summary>
    public static RecordVersion? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromElement(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static RecordVersion? FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (!root.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String) return null;
        if (!root.TryGetProperty("writer", out var writer) || writer.ValueKind != JsonValueKind.String) return null;
        if (!root.TryGetProperty("time", out var time) || !time.TryGetDateTimeOffset(out var when)) return null;
        if (!root.TryGetProperty("vector", out var vector) || vector.ValueKind != JsonValueKind.Object) return null;

        var counters = new List<KeyValuePair<string, long>>();
        foreach (var counter in vector.EnumerateObject())
        {
            if (!counter.Value.TryGetInt64(out var value) || value < 0) return null;
            counters.Add(new(counter.Name, value));
        }

        return new RecordVersion(VersionVector.From(counters), writer.GetString()!, when, sha.GetString()!);
    }
}
