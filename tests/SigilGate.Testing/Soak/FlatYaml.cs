using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;

namespace SigilGate.Testing.Soak;

/// <summary>
/// Reads the flat YAML records of the soak (<c>key: scalar</c> lines, plain or quoted) and writes
/// them as the canonical JSON etcd must hold (keys sorted, no spaces). Independent of the suite's
/// own reader on purpose: the soak checks the suite, not itself.
/// </summary>
public static class FlatYaml
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Dictionary<string, string> Read(string yaml)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(' ')) continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0) continue;
            fields[line[..colon]] = Unquote(line[(colon + 2)..].Trim());
        }

        return fields;
    }

    /// <summary>Canonical JSON of a flat record; <c>enabled</c> is the only boolean field.</summary>
    public static string ToCanonicalJson(string yaml)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Read(yaml).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (name == "enabled" && value is "true" or "false") writer.WriteBoolean(name, value == "true");
                else writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Unquote(string value) => value switch
    {
        ['\'', .., '\''] => value[1..^1].Replace("''", "'", StringComparison.Ordinal),
        ['"', .., '"'] => JsonSerializer.Deserialize<string>(value) ?? "",
        _ => value,
    };
}
